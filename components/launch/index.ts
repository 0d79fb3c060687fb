/** The launch record: one component carrying golive:launch to the policy pack. */
export { Launch, launchRecordSpec, type LaunchArgs } from "./launch";
