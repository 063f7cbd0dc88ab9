// The end-to-end test's stand-in for office.js: served in place of Microsoft's CDN script, it makes the
// built task pane believe it runs in Excel. Office.onReady names Excel as the host; Excel.run hands the
// pane a request context over an in-memory workbook seeded (window.__FAKE_EXCEL_SEED__) with a messy
// tracker. Objects are live (a load is a no-op and sync only yields), which real office.js code that
// loads and syncs correctly cannot tell apart. The test reads the result from window.__fakeExcel.
(function () {
  'use strict';

  function colIndex(letters) {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function colLetter(index) {
    let s = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  /** 'C6', 'A1:K1', '$A$2:$A$13', '2:3' → { top, left, rows, cols } (0-based). */
  function parseAddress(address) {
    // Worksheet.getRange() without an address is the whole sheet.
    if (address === undefined || address === '') return { top: 0, left: 0, rows: 1048576, cols: 16384 };
    const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
    const [a, b = a] = bare.split(':');
    const part = (p) => {
      const m = /^([A-Z]*)(\d*)$/.exec(p);
      if (!m) throw new Error('fake Excel: bad address ' + address);
      return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
    };
    const p = part(a);
    const q = part(b);
    const top = p.row ?? 0;
    const left = p.col ?? 0;
    const bottom = q.row ?? 1048575;
    const right = q.col ?? 16383;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
  function addressOf(box) {
    const first = colLetter(box.left) + (box.top + 1);
    const last = colLetter(box.left + box.cols - 1) + (box.top + box.rows);
    return box.rows === 1 && box.cols === 1 ? first : first + ':' + last;
  }

  class Sheet {
    constructor(workbook, name) {
      this.workbook = workbook;
      this.name = name;
      this.visibility = 'Visible';
      this.cells = new Map();
      this.tables = [];
      this.validations = [];
      this.conditionalFormats = [];
      this.charts = [];
      this.merges = [];
      this.notes = new Map();
      this.frozenRows = 0;
      this.pageLayout = {};
    }
    cell(r, c, create) {
      const key = r + ',' + c;
      let cell = this.cells.get(key);
      if (!cell && create) {
        cell = { value: '', fill: null, numberFormat: 'General', font: {} };
        this.cells.set(key, cell);
      }
      return cell;
    }
    usedBox() {
      let top = Infinity, left = Infinity, bottom = -1, right = -1;
      for (const [key, cell] of this.cells) {
        if (cell.value === '' || cell.value === null || cell.value === undefined) continue;
        const [r, c] = key.split(',').map(Number);
        top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
      }
      return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
    }
  }

  // The documented rules the jest stand-in (test/addin/workbook/fake-excel.ts) enforces, here too;
  // this fake applies commands when they are called, so a rule fails at the call, not at sync.
  function excelError(code, message) {
    const error = new Error(code + ': ' + message);
    error.code = code;
    return error;
  }
  const PAYLOAD_LIMIT = 5 * 1024 * 1024;
  function checkPayload(value, code) {
    // Excel on the web refuses a request or response over 5 MB ("Resource limits and performance optimization for Office Add-ins").
    if (new TextEncoder().encode(JSON.stringify(value)).length > PAYLOAD_LIMIT) throw excelError(code, 'payload over 5 MB');
  }
  const EPOCH = Date.UTC(1899, 11, 30);
  const serial = (y, m, d) => (Date.UTC(y, m - 1, d) - EPOCH) / 86400000;
  function excelValue(value, numberFormat) {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'string') return value;
    // Strings are typed as Excel parses them unless the cell's format is text '@' (office-js #229).
    if (numberFormat === '@') return value;
    if (value.startsWith("'")) return value.slice(1);
    const text = value.trim();
    if (/^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
    const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(text);
    if (percent) return Number(percent[1]) / 100;
    const iso = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(text);
    if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return serial(Number(iso[1]), Number(iso[2]), Number(iso[3] || 1));
    if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
    // Text starting with = + - @ becomes a formula: the pane must never write one.
    if (/^[=+\-@]/.test(value)) throw new Error('fake Excel: the pane wrote a formula: ' + value);
    return value;
  }

  function makeRange(sheet, box) {
    const cells = (create) => {
      const out = [];
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) out.push(sheet.cell(box.top + r, box.left + c, create));
      return out;
    };
    const first = () => sheet.cell(box.top, box.left, false);
    const fill = {
      load() { return fill; },
      get color() { const f = first()?.fill; return f ? f.color : '#FFFFFF'; },
      set color(color) { for (const cell of cells(true)) cell.fill = { color: color.toUpperCase(), pattern: 'Solid' }; },
      get pattern() { const f = first()?.fill; return f ? f.pattern : 'None'; },
      set pattern(pattern) { for (const cell of cells(true)) cell.fill = pattern === 'None' ? null : { color: cell.fill?.color ?? '#000000', pattern }; },
      clear() { for (const cell of cells(false)) if (cell) cell.fill = null; },
    };
    const fontSetter = (name) => ({ set(v) { for (const cell of cells(true)) cell.font[name] = v; }, get() { return first()?.font[name]; } });
    const font = Object.defineProperties({}, { color: fontSetter('color'), bold: fontSetter('bold'), size: fontSetter('size'), name: fontSetter('name') });
    const cellFormat = (name) => ({ set(v) { for (const cell of cells(true)) cell[name] = v; }, get() { return first()?.[name]; } });
    const borders = { getItem: (edge) => { const border = { edge, style: 'None', color: '#000000', weight: 'Thin' }; (sheet.borders ||= []).push(border); return border; } };
    const range = {
      isNullObject: false,
      rowIndex: box.top,
      columnIndex: box.left,
      rowCount: box.rows,
      columnCount: box.cols,
      address: sheet.name + '!' + addressOf(box),
      load() { return range; },
      clear() {
        for (const key of [...sheet.cells.keys()]) {
          const [r, c] = key.split(',').map(Number);
          if (r >= box.top && r < box.top + box.rows && c >= box.left && c < box.left + box.cols) sheet.cells.delete(key);
        }
      },
      get values() {
        const rows = [];
        for (let r = 0; r < box.rows; r++) {
          const row = [];
          for (let c = 0; c < box.cols; c++) row.push(sheet.cell(box.top + r, box.left + c, false)?.value ?? '');
          rows.push(row);
        }
        checkPayload(rows, 'ResponsePayloadSizeLimitExceeded');
        return rows;
      },
      set values(rows) {
        const single = !Array.isArray(rows);
        checkPayload(rows, 'RequestPayloadSizeLimitExceeded');
        for (let r = 0; r < box.rows; r++) {
          for (let c = 0; c < box.cols; c++) {
            const value = excelValue(single ? rows : rows[r][c], sheet.cell(box.top + r, box.left + c, false)?.numberFormat);
            const cell = sheet.cell(box.top + r, box.left + c, value !== '');
            if (cell) cell.value = value;
          }
        }
      },
      set numberFormat(formats) {
        for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) {
          sheet.cell(box.top + r, box.left + c, true).numberFormat = Array.isArray(formats) ? formats[r][c] : formats;
        }
      },
      format: Object.defineProperties(
        {
          fill,
          font,
          borders,
          set columnWidth(points) { sheet.columnWidths = { ...(sheet.columnWidths || {}), [box.left]: points }; },
          set rowHeight(points) { sheet.rowHeights = { ...(sheet.rowHeights || {}), [box.top]: points }; },
        },
        {
          horizontalAlignment: cellFormat('horizontalAlignment'),
          verticalAlignment: cellFormat('verticalAlignment'),
          wrapText: cellFormat('wrapText'),
        },
      ),
      conditionalFormats: {
        add(type) {
          const rule = { type, range: addressOf(box), cellValue: { rule: null, format: { fill: {}, font: {} } }, dataBar: { positiveFormat: {} } };
          sheet.conditionalFormats.push(rule);
          return rule;
        },
      },
      get dataValidation() {
        const validation = { range: addressOf(box), rule: null, errorAlert: null };
        sheet.validations.push(validation);
        Object.defineProperty(range, 'dataValidation', { value: validation });
        return validation;
      },
      merge() { sheet.merges.push(addressOf(box)); },
      /** ExcelApi 1.13: the merged areas inside this range, as one RangeAreas ('台账!A1:G1, 台账!B4:B6'). */
      getMergedAreasOrNullObject() {
        const inside = sheet.merges.filter((address) => {
          const m = parseAddress(address);
          return m.top >= box.top && m.left >= box.left && m.top + m.rows <= box.top + box.rows && m.left + m.cols <= box.left + box.cols;
        });
        // Over 512 merged areas the method fails to return a result (Range.getMergedAreasOrNullObject reference).
        if (inside.length > 512) throw excelError('GeneralException', inside.length + ' merged areas');
        if (inside.length === 0) return NULL_OBJECT;
        return { isNullObject: false, address: inside.map((a) => sheet.name + '!' + a).join(', '), load() { return this; } };
      },
      select() { sheet.workbook.selection = { sheet: sheet.name, address: addressOf(box) }; },
      getTables() {
        const items = sheet.tables.filter((t) => t.box.top < box.top + box.rows && box.top < t.box.top + t.box.rows).map((t) => t.api);
        return { items, load() { return this; } };
      },
    };
    return range;
  }

  function makeTable(sheet, box, name) {
    const table = { name, style: null, box, sheet };
    table.api = {
      get name() { return table.name; },
      set name(value) { table.name = value; },
      set style(value) { table.style = value; },
      isNullObject: false,
      worksheet: { get name() { return sheet.name; }, load() { return this; } },
      getRange: () => makeRange(sheet, table.box),
      getHeaderRowRange: () => makeRange(sheet, { ...table.box, rows: 1 }),
      rows: {
        add(_index, values) {
          for (const row of values) {
            makeRange(sheet, { top: table.box.top + table.box.rows, left: table.box.left, rows: 1, cols: table.box.cols }).values = [row];
            table.box = { ...table.box, rows: table.box.rows + 1 };
          }
        },
      },
      load() { return table.api; },
    };
    sheet.tables.push(table);
    return table;
  }

  // A null object has no methods to call ("*OrNullObject" methods of the reference): calling one throws here.
  const NULL_OBJECT = { isNullObject: true, load() { return this; } };

  function worksheetApi(workbook, sheet) {
    const api = {
      isNullObject: false,
      get name() { return sheet.name; },
      get visibility() { return sheet.visibility; },
      set visibility(v) { sheet.visibility = v; },
      get position() { return workbook.sheets.indexOf(sheet); },
      set position(p) {
        workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
        workbook.sheets.splice(p, 0, sheet);
      },
      load() { return api; },
      delete() {
        // A very hidden sheet cannot be deleted until made visible or hidden (Worksheet.delete reference; office-js #365).
        if (sheet.visibility === 'VeryHidden') throw excelError('InvalidOperation', 'cannot delete very hidden sheet ' + sheet.name);
        workbook.sheets.splice(workbook.sheets.indexOf(sheet), 1);
      },
      activate() { workbook.active = sheet.name; },
      getRange: (address) => makeRange(sheet, parseAddress(address)),
      getRangeByIndexes: (r, c, rows, cols) => makeRange(sheet, { top: r, left: c, rows, cols }),
      getUsedRangeOrNullObject() {
        const box = sheet.usedBox();
        return box ? makeRange(sheet, box) : NULL_OBJECT;
      },
      freezePanes: { freezeRows(n) { sheet.frozenRows = n; } },
      tables: { add(address, _hasHeaders) { return makeTable(sheet, parseAddress(address), 'Table' + (workbook.tableCount += 1)).api; } },
      charts: {
        add(type) {
          const chart = { type, title: {}, legend: {}, series: { getItemAt: () => ({ setXAxisValues() {} }) }, setPosition(from, to) { chart.at = [from, to]; } };
          sheet.charts.push(chart);
          return chart;
        },
      },
      pageLayout: Object.assign(sheet.pageLayout, { setPrintTitleRows(rows) { sheet.pageLayout.titleRows = rows; } }),
      // Threaded comments by cell (people's own threads; the pane reads them to keep notes off them).
      comments: {
        load() { return this; },
        get items() {
          return [...(sheet.comments || new Map())].map(([key, content]) => ({
            content,
            load() { return this; },
            getLocation: () => ({ address: sheet.name + '!' + key, load() { return this; } }),
            replies: { getCount: () => ({ value: (sheet.commentReplies && sheet.commentReplies.get(key) || []).length }) },
            delete() { sheet.comments.delete(key); },
          }));
        },
      },
      notes: {
        getItemOrNullObject(address) {
          const key = addressOf(parseAddress(address));
          if (!sheet.notes.has(key)) return NULL_OBJECT;
          const note = {
            isNullObject: false,
            get content() { return sheet.notes.get(key); },
            set content(text) { sheet.notes.set(key, text); },
            delete() { sheet.notes.delete(key); },
            load() { return note; },
          };
          return note;
        },
        add(range, text) {
          const key = range.address.split('!')[1];
          // A cell holds a note or a threaded comment, never both (Excel: "Threaded comments and notes").
          if ((sheet.comments || new Map()).has(key)) throw excelError('InvalidOperation', key + ' has a threaded comment');
          sheet.notes.set(key, text);
        },
      },
    };
    return api;
  }

  function createWorkbook(seed) {
    const workbook = { sheets: [], active: null, selection: null, tableCount: 0 };
    for (const [name, rows] of Object.entries(seed || {})) {
      const sheet = new Sheet(workbook, name);
      rows.forEach((row, r) => row.forEach((value, c) => {
        if (value !== null && value !== undefined && value !== '') sheet.cell(r, c, true).value = value;
      }));
      workbook.sheets.push(sheet);
    }
    workbook.active = workbook.sheets[0]?.name ?? null;
    const find = (name) => workbook.sheets.find((s) => s.name === name);
    const worksheets = {
      get items() { return workbook.sheets.map((s) => worksheetApi(workbook, s)); },
      load() { return worksheets; },
      getItem(name) {
        const sheet = find(name);
        if (!sheet) throw Object.assign(new Error('ItemNotFound: ' + name), { code: 'ItemNotFound' });
        return worksheetApi(workbook, sheet);
      },
      getItemOrNullObject(name) {
        const sheet = find(name);
        return sheet ? worksheetApi(workbook, sheet) : NULL_OBJECT;
      },
      add(name) {
        if (find(name)) throw Object.assign(new Error('ItemAlreadyExists: ' + name), { code: 'ItemAlreadyExists' });
        const sheet = new Sheet(workbook, name);
        workbook.sheets.push(sheet);
        return worksheetApi(workbook, sheet);
      },
    };
    workbook.api = {
      worksheets,
      tables: {
        getItemOrNullObject(name) {
          for (const sheet of workbook.sheets) for (const table of sheet.tables) if (table.name === name) return table.api;
          return NULL_OBJECT;
        },
      },
      comments: { add(range, text) { find(range.address.split('!')[0]).notes.set(range.address.split('!')[1], text); } },
    };
    return workbook;
  }

  const workbook = createWorkbook(window.__FAKE_EXCEL_SEED__);
  let syncs = 0;
  const context = {
    workbook: workbook.api,
    application: { suspendApiCalculationUntilNextSync() {} },
    sync() {
      syncs += 1;
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
  };

  window.__fakeExcel = {
    workbook,
    /** Set by a test: the user is typing in a cell. */
    cellEditMode: false,
    get syncs() { return syncs; },
    /** A plain snapshot for the test: values, fills and notes by sheet and A1 address. */
    snapshot() {
      const out = {};
      for (const sheet of workbook.sheets) {
        const cells = {};
        for (const [key, cell] of sheet.cells) {
          const [r, c] = key.split(',').map(Number);
          cells[colLetter(c) + (r + 1)] = { value: cell.value, fill: cell.fill ? cell.fill.color : null };
        }
        out[sheet.name] = {
          visibility: sheet.visibility,
          cells,
          notes: Object.fromEntries(sheet.notes),
          conditionalFormats: sheet.conditionalFormats.map((f) => ({ range: f.range, rule: f.cellValue.rule, fill: f.cellValue.format.fill.color })),
        };
      }
      return { sheets: out, order: workbook.sheets.map((s) => s.name), selection: workbook.selection, active: workbook.active };
    },
  };

  // Without delayForCellEdit a batch sent while the user edits a cell fails (Excel.RunOptions reference).
  window.Excel = {
    run(options, batch) {
      const run = typeof options === 'function' ? options : batch;
      const delay = typeof options === 'object' && options !== null && options.delayForCellEdit === true;
      if (window.__fakeExcel.cellEditMode && !delay) return Promise.reject(excelError('InvalidOperationInCellEditMode', 'cell-edit mode'));
      return run(context);
    },
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC' },
    context: {
      displayLanguage: window.__FAKE_EXCEL_LANGUAGE__ || 'zh-CN',
      document: { url: 'C:\\Users\\staff\\Documents\\贵州省联系点台账.xlsx' },
      requirements: { isSetSupported: () => true },
    },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  };
})();
