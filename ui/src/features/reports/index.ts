// Reports over closed business dates: one year of occupancy and revenue, month by month.
export { ReportsArea } from "./ReportsArea";
