// The tracker file formats the product reads, as data: the browser's file picker, the API's content
// types and `?format=`, and the name a stored original is downloaded under all come from here.
// Which reader opens a file is decided from its bytes (xlsx/read/detect.ts), never from these names.

export interface UploadFormat {
  /** `?format=` value and stored-payload extension. */
  format: 'xlsx' | 'xlsm' | 'xls' | 'ods' | 'csv' | 'txt';
  extensions: readonly string[];
  /** The first is what we store the payload under. */
  contentTypes: readonly string[];
}

export const UPLOAD_FORMATS: readonly UploadFormat[] = [
  { format: 'xlsx', extensions: ['.xlsx'], contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  { format: 'xlsm', extensions: ['.xlsm'], contentTypes: ['application/vnd.ms-excel.sheet.macroenabled.12'] },
  { format: 'xls', extensions: ['.xls'], contentTypes: ['application/vnd.ms-excel', 'application/msexcel', 'application/x-msexcel'] },
  { format: 'ods', extensions: ['.ods'], contentTypes: ['application/vnd.oasis.opendocument.spreadsheet'] },
  { format: 'csv', extensions: ['.csv'], contentTypes: ['text/csv', 'application/csv', 'text/comma-separated-values'] },
  { format: 'txt', extensions: ['.txt', '.tsv'], contentTypes: ['text/plain', 'text/tab-separated-values'] },
];

/** Content types sent without a format of their own (`?format=` then says which). */
export const GENERIC_CONTENT_TYPES: readonly string[] = ['application/octet-stream'];

export function formatByContentType(contentType: string): UploadFormat | undefined {
  const type = contentType.toLowerCase();
  return UPLOAD_FORMATS.find((f) => f.contentTypes.includes(type));
}

export function formatByName(format: string): UploadFormat | undefined {
  return UPLOAD_FORMATS.find((f) => f.format === format.toLowerCase());
}

export function formatByExtension(file: string): UploadFormat | undefined {
  const lower = file.toLowerCase();
  return UPLOAD_FORMATS.find((f) => f.extensions.some((ext) => lower.endsWith(ext)));
}

/** The `accept` list of a file picker: every extension and content type. */
export const UPLOAD_ACCEPT = UPLOAD_FORMATS.flatMap((f) => [...f.extensions, ...f.contentTypes]).join(',');

/** The name a checked copy of a non-.xlsx input is saved under: the same name with `.xlsx` (it is
 *  always written as .xlsx, next to the original, never over it). */
export function xlsxNameFor(file: string): string {
  return /\.xlsx$/i.test(file) ? file : `${file.replace(/\.[^./\\]*$/, '')}.xlsx`;
}
