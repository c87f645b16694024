export { reportEndpoints } from './report.routes';
export { ReportService } from './report.service';
export { REPORT_TABLES, type ReportTable, TABLES } from './report.tables';
