/**
 * `provisio simulate`: virtual iPhones that enroll from a Provisio enrollment profile and speak
 * Apple's MDM protocol over real HTTP (signed plist bodies), keep provisioning profiles and apps
 * like iOS, and report what was delivered. The end-to-end test client and the load generator.
 * Errors: {@link SimulatorError} (`simulator.*`), `Pkcs12Error` for an identity that cannot be opened.
 */
export { VirtualDevice, type ConnectionOutcome, type UserNotice, type VirtualDeviceOptions } from './virtual-device.js';
export { Fleet, type EnrollmentOutcome, type FleetOptions, type FleetReport, type RunOptions } from './fleet.js';
export { HttpTransport, type DeviceTransport, type HttpExchange, type HttpReply, type HttpTransportOptions } from './http-transport.js';
export { DeliveryStats, type DeliverySummary } from './delivery-stats.js';
export { LatencyRecorder } from './latency.js';
export { makeDeviceFacts, type DeviceFacts } from './device-facts.js';
export { readEnrollmentProfile, type EnrollmentSettings } from './enrollment-settings.js';
export { BodySigner, type SigningIdentity } from './body-signer.js';
export { ProfileStore, type HeldProfile, type ProfileRefusal } from './profile-store.js';
export { AppStore, type AppInstall, type HeldApp } from './app-store.js';
export { SimulatorError, type SimulatorErrorCode } from './errors.js';
export { pointAt } from './server-address.js';
export { enrollmentProfileDownloader, type EnrollmentSource } from './enrollment-download.js';
