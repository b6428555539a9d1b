/**
 * The year used for "per year" figures: 365 days, the convention of availability tables
 * (99.99% ↔ 52.56 minutes of downtime per year). A Julian year (365.25 days) would add 0.07%.
 */
export const MS_PER_YEAR = 365 * 24 * 3600e3;
export const MINUTES_PER_YEAR = 365 * 24 * 60;
