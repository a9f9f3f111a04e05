export { seedEnrolledFleet, type FleetSeed } from './seed-fleet.js';
