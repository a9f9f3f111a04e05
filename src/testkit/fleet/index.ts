export { numberSeries, seedEnrolledFleet, type FleetSeed } from './seed-fleet.js';
