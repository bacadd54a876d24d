/** Documents the samverkan hands out: the protokoll and the lägesrapport as PDF, the lägesrapport as CSV. */
export { statusReportCsv } from './budgetCsv';
export { protocolPdf } from './protocolPdf';
export { statusReportPdf } from './reportPdf';
export { funderReportCsv } from './funderCsv';
