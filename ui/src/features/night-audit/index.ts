// The night audit: pre-checks, the run with progress, the closed day's figures and report.
export { NightAuditArea } from "./NightAuditArea";
