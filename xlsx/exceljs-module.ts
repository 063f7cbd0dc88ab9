// exceljs behind one module, so that readers can load it lazily (`import('./exceljs-module.js')`)
// while it resolves as an ordinary import everywhere (the functions' own build included).
import * as ExcelJS from 'exceljs';

export { ExcelJS };
