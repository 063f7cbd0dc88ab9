// exceljs joins loaded per-cell validations in string order ("A10" before "A2") into overlapping
// ranges; compactValidations must give one range per run instead.
import * as ExcelJS from 'exceljs';
import { compactValidations } from '../../xlsx/validations';
import { bytesOf, loaded } from './workbooks';

type Model = Record<string, ExcelJS.DataValidation>;
const modelOf = (sheet: ExcelJS.Worksheet): Model => (sheet as unknown as { dataValidations: { model: Model } }).dataValidations.model;

it('joins per-cell validations into one range per run of rows in a column', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('S');
  const list: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"a,b"'] };
  const whole: ExcelJS.DataValidation = { type: 'whole', operator: 'greaterThan', allowBlank: true, formulae: [0] };
  const add = (range: string, v: ExcelJS.DataValidation): void =>
    (sheet as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, v);
  add('A2:A120', list);
  add('A130:A131', list);
  add('B2:B12', whole);
  const loadedSheet = (await loaded(await bytesOf(workbook))).getWorksheet('S')!;
  expect(Object.keys(modelOf(loadedSheet)).length).toBeGreaterThan(100);
  compactValidations(loadedSheet);
  expect(Object.keys(modelOf(loadedSheet)).sort()).toEqual(['A130:A131', 'A2:A120', 'B2:B12']);
  expect(modelOf(loadedSheet)['A2:A120']).toMatchObject({ type: 'list', formulae: ['"a,b"'] });
});
