// The task pane's one message catalogue: every string the pane shows, Chinese first, English second.
// Messages that come from shared/ (issues, requirement and field names) carry both languages already.
import { createContext, useContext } from 'react';
import { FIELD_LABELS } from '../../shared/labels';
import type { FieldKey, Issue } from '../../shared/types';

export type Lang = 'zh' | 'en';

const catalogue = {
  'app.title': { zh: '联系点工作台账', en: 'Liaison Tracker' },
  'tab.connect': { zh: '连接台账', en: 'Connect' },
  'tab.add': { zh: '新增活动', en: 'Add activity' },
  'tab.check': { zh: '检查', en: 'Check' },
  'tab.submit': { zh: '报送', en: 'Submit' },
  'tab.central': { zh: '中央汇总', en: 'Central office' },
  'tab.settings': { zh: '设置', en: 'Settings' },

  'common.working': { zh: '正在处理…', en: 'Working…' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.notMapped': { zh: '（未对应）', en: '(not mapped)' },
  'common.cancelled': { zh: '已取消。', en: 'Cancelled.' },

  'connect.searching': { zh: '正在查找台账…', en: 'Looking for the tracker…' },
  'connect.found': {
    zh: '已在工作表「{sheet}」第 {headerRow} 行找到表头，共 {count} 条活动记录。',
    en: 'Found the header on sheet "{sheet}", row {headerRow}: {count} activity records.',
  },
  'connect.foundSheets': {
    zh: '工作表「{sheets}」表头相同（每月一张），合为一本台账检查和报送，共 {count} 条活动记录。',
    en: 'Sheets "{sheets}" share one header (a sheet per month) and are checked and submitted as one tracker: {count} activity records.',
  },
  'connect.otherSheets': {
    zh: '工作表「{sheets}」中也有活动记录，但只会检查和报送「{sheet}」。请把各表的记录合并到一张表，或在下方改选工作表。',
    en: 'Sheets "{sheets}" hold activity records too, but only "{sheet}" is checked and submitted. Merge the records into one sheet, or pick another sheet below.',
  },
  'connect.none': {
    zh: '没有在本工作簿中找到台账。可以创建标准台账（带下拉选项和日期格式的表格）。',
    en: 'No tracker found in this workbook. You can create the standard tracker (a table with dropdowns and date formats).',
  },
  'connect.create': { zh: '创建标准台账', en: 'Create standard tracker' },
  'connect.createAnother': { zh: '另建一张新台账', en: 'Create another tracker' },
  'connect.createAnotherWarning': {
    zh: '将新建一张空白的标准台账，连接会切换到新台账；现有台账「{sheet}」保留不动，但之后检查和报送的是新台账。',
    en: 'A new, empty standard tracker will be created and connected; the tracker "{sheet}" stays as it is, but checks and submissions will then read the new one.',
  },
  'connect.createAnotherConfirm': { zh: '仍然新建', en: 'Create it anyway' },
  'connect.created': { zh: '已创建标准台账「{sheet}」。', en: 'Created the standard tracker "{sheet}".' },
  'connect.rescan': { zh: '重新查找', en: 'Search again' },
  'connect.mappingTitle': { zh: '列对应关系', en: 'Column mapping' },
  'connect.mappingHint': {
    zh: '如果识别有误，请在下拉框中更正，然后保存。对应关系保存在工作簿中。',
    en: 'If something was recognised wrongly, correct it below and save. The mapping is kept in the workbook.',
  },
  'connect.sheet': { zh: '工作表', en: 'Sheet' },
  'connect.headerRow': { zh: '表头所在行', en: 'Header row' },
  'connect.save': { zh: '保存对应关系', en: 'Save mapping' },
  'connect.saved': { zh: '已保存对应关系，共读到 {count} 条记录。', en: 'Mapping saved: {count} records read.' },
  'connect.column': { zh: '{letter} 列「{header}」', en: 'Column {letter} "{header}"' },

  'add.submit': { zh: '添加到台账', en: 'Add to tracker' },
  'add.appended': { zh: '已添加到第 {row} 行。', en: 'Added as row {row}.' },
  'add.blocked': { zh: '请先更正标红的项目。', en: 'Please correct the fields marked in red first.' },
  'add.needTracker': { zh: '请先在「连接台账」中连接或创建台账。', en: 'Connect or create a tracker first (Connect).' },

  'check.resultLabel': { zh: '检查结果', en: 'Check result' },
  'check.run': { zh: '检查台账', en: 'Check tracker' },
  'check.reading': { zh: '正在读取和检查…', en: 'Reading and checking…' },
  'check.summary': {
    zh: '共 {records} 条记录：{errors} 个错误，{warnings} 个提醒；{complete}/{points} 个联系点已完成全部规定动作。',
    en: '{records} records: {errors} errors, {warnings} warnings; {complete}/{points} liaison points have done every required activity.',
  },
  'check.completeness': { zh: '各联系点完成情况', en: 'Completeness per liaison point' },
  'check.leader': { zh: '联系领导：{leader}', en: 'Leader: {leader}' },
  'check.complete': { zh: '已完成全部规定动作', en: 'All required activities done' },
  'check.missing': { zh: '缺少：{list}', en: 'Missing: {list}' },
  'check.problems': { zh: '问题清单（点击定位到单元格）', en: 'Problems (click to select the cell)' },
  'check.noProblems': { zh: '没有发现问题。', en: 'No problems found.' },
  'check.emptyBesideTracker': {
    zh: '「{sheet}」中没有任何记录，而「{others}」中有台账记录：请在「连接台账」中确认要检查的工作表。',
    en: '"{sheet}" holds no records, while "{others}" holds tracker records: check which sheet to connect.',
  },
  'check.rowLabel': { zh: '第 {row} 行', en: 'Row {row}' },
  'check.highlighted': {
    zh: '问题单元格已标色并加批注，「完成情况」工作表已更新。',
    en: 'Problem cells are filled and annotated; the 完成情况 (status) sheet is updated.',
  },
  'check.error': { zh: '错误', en: 'Error' },
  'check.warning': { zh: '提醒', en: 'Warning' },
  'check.located': {
    zh: '已在「表格」中选中「{sheet}」{cell}。',
    en: 'Selected {sheet}!{cell} in the sheet view.',
  },
  'check.more': { zh: '另有 {count} 个问题未列出。', en: '{count} more problems not listed.' },

  'submit.month': { zh: '报送月份', en: 'Month' },
  'submit.province': { zh: '省份', en: 'Province' },
  'submit.run': { zh: '检查并预览', en: 'Check and preview' },
  'submit.previewing': { zh: '正在比对上次报送…', en: 'Comparing with the last submission…' },
  'submit.previewLabel': { zh: '报送预览', en: 'Submission preview' },
  'submit.confirm': { zh: '确认报送', en: 'Submit' },
  'submit.cancel': { zh: '取消', en: 'Cancel' },
  'submit.removedTitle': {
    zh: '本次将删除上次报送中的 {count} 条记录：',
    en: 'This submission removes {count} records of the last one:',
  },
  'submit.emptyWarning': {
    zh: '本次台账没有记录，报送后上次报送的 {count} 条记录将全部不再计入。',
    en: 'This tracker has no records: the {count} records submitted before would no longer count.',
  },
  'submit.confirmRemoval': {
    zh: '我已核对，确认删除以上 {count} 条记录',
    en: 'I have checked: remove these {count} records',
  },
  'submit.moreRemoved': { zh: '另有 {count} 条未列出。', en: '{count} more not listed.' },
  'submit.changedCount': { zh: '修改的记录：{count} 条。', en: 'Changed records: {count}.' },
  'submit.previewIssues': {
    zh: '检查发现 {errors} 个错误、{warnings} 个提醒（有误的记录报送后不计入完成情况）。',
    en: 'The check found {errors} errors and {warnings} warnings (records with errors will not count).',
  },
  'submit.raced': {
    zh: '预览之后已有新的版本报送，差异已更新，请重新核对。',
    en: 'A newer version was submitted after the preview; the diff is updated, check it again.',
  },
  'submit.deadline': { zh: '报送 {month}台账，截止 {due}', en: 'Reporting {month}, due {due}' },
  'submit.late': { zh: '逾期', en: 'Late' },
  'submit.lateNote': {
    zh: '逾期：已超过截止日期 {due}。',
    en: 'Late: after the deadline of {due}.',
  },
  'submit.fixedProvince': { zh: '{province}（由密钥确定）', en: '{province} (from the key)' },
  'submit.sending': { zh: '正在报送…', en: 'Submitting…' },
  'submit.done': {
    zh: '报送成功：第 {version} 版，共 {count} 条记录。',
    en: 'Submitted: version {version}, {count} records.',
  },
  'submit.duplicate': {
    zh: '服务器上已有相同内容（第 {version} 版），本次未重复计入。',
    en: 'The server already has this content (version {version}); nothing was counted twice.',
  },
  'submit.issues': {
    zh: '服务器发现 {errors} 个错误、{warnings} 个提醒（记录已保存，请更正后重新报送）。',
    en: 'The server found {errors} errors and {warnings} warnings (records are stored; correct them and submit again).',
  },
  'submit.warningsOnly': {
    zh: '服务器发现 {warnings} 个提醒（记录已保存并计入）。',
    en: 'The server found {warnings} warnings (records are stored and count).',
  },
  'submit.needKey': { zh: '请先在「设置」中填写 API 密钥。', en: 'Enter the API key in Settings first.' },
  'submit.resultLabel': { zh: '报送结果', en: 'Submission result' },
  'submit.needProvince': { zh: '请选择省份。', en: 'Choose a province.' },

  'settings.apiUrl': { zh: 'API 地址', en: 'API address' },
  'settings.apiUrlHint': {
    zh: '留空表示使用本页面所在服务器（/api）。',
    en: 'Leave empty to use this page\'s own server (/api).',
  },
  'settings.apiKey': { zh: 'API 密钥', en: 'API key' },
  'settings.keyHint': {
    zh: '密钥只保存在本机浏览器中，不会写入工作簿。',
    en: 'The key is kept in this browser only, never in the workbook.',
  },
  'settings.save': { zh: '保存并验证', en: 'Save and verify' },
  'settings.province': { zh: '已验证：省级密钥。', en: 'Verified: provincial key.' },
  'settings.provinceNamed': { zh: '已验证：{province}的报送密钥', en: 'Verified: the submission key of {province}' },
  'settings.central': { zh: '已验证：中央办公室密钥，已开启中央汇总。', en: 'Verified: central office key; central mode unlocked.' },

  'central.month': { zh: '月份', en: 'Month' },
  'central.pull': { zh: '拉取汇总', en: 'Pull aggregate' },
  'central.pulling': { zh: '正在拉取各省数据…', en: 'Fetching every province\'s data…' },
  'central.writing': { zh: '正在写入工作表…', en: 'Writing the sheets…' },
  'central.pulled': {
    zh: '已写入「汇总」「完成情况」「报送情况」：{records} 条记录，{complete}/{points} 个联系点已完成，{missing} 个省份未报送。',
    en: 'Wrote 汇总, 完成情况 and 报送情况: {records} records, {complete}/{points} points complete, {missing} provinces not submitted.',
  },
  'central.report': { zh: '生成月报', en: 'Generate monthly report' },
  'central.reporting': { zh: '正在生成月报…', en: 'Generating the monthly report…' },
  'central.reported': { zh: '已生成工作表「{sheet}」。', en: 'Wrote the sheet "{sheet}".' },
  'central.download': { zh: '下载月报 .xlsx', en: 'Download report .xlsx' },
  'central.downloaded': { zh: '已下载「{file}」。', en: 'Downloaded "{file}".' },

  'dash.open': { zh: '中央汇总（无需打开台账）', en: 'Central dashboard (no tracker needed)' },
  'dash.title': { zh: '中央汇总', en: 'Central dashboard' },
  'dash.back': { zh: '返回首页', en: 'Back to start' },
  'dash.keyIntro': {
    zh: '输入中央办公室密钥即可查看各省汇总、生成月报，无需打开任何台账。密钥只保存在本浏览器中。',
    en: 'Enter the central office key to see every province\'s figures and generate the monthly report, without any tracker. The key stays in this browser.',
  },
  'dash.unlock': { zh: '解锁', en: 'Unlock' },
  'dash.notCentral': {
    zh: '这是省级密钥：中央汇总只对中央办公室密钥开放。',
    en: 'This is a provincial key: the central dashboard opens only with the central office key.',
  },
  'dash.loading': { zh: '正在读取汇总…', en: 'Loading the aggregate…' },
  'dash.summary': {
    zh: '截至 {asOf}：{complete}/{points} 个联系点完成全部规定动作；本月活动 {month} 次，累计 {cumulative} 次；{missing} 个省份未报送，{late} 个逾期。',
    en: 'As of {asOf}: {complete}/{points} points have done every required activity; {month} activities this month, {cumulative} in all; {missing} provinces have not reported, {late} late.',
  },
  'dash.matrix': { zh: '联系点 × 规定动作', en: 'Liaison points × required activities' },
  'dash.point': { zh: '联系点', en: 'Liaison point' },
  'dash.leader': { zh: '联系领导', en: 'Leader' },
  'dash.done': { zh: '已完成 {date}', en: 'Done {date}' },
  'dash.missing': { zh: '未完成', en: 'Missing' },
  'dash.provinces': { zh: '各省报送情况', en: 'Reporting by province' },
  'dash.province': { zh: '省级组织', en: 'Province' },
  'dash.state': { zh: '状态', en: 'Status' },
  'dash.version': { zh: '版本', en: 'Version' },
  'dash.submittedAt': { zh: '报送时间', en: 'Submitted' },
  'dash.records': { zh: '记录数', en: 'Records' },
  'dash.errorRecords': { zh: '有错误', en: 'With errors' },
  'dash.charts': { zh: '图表', en: 'Charts' },
  'dash.remarks': { zh: '办公室意见', en: 'Office remarks' },
  'dash.remarksHint': { zh: '写入月报的“办公室意见”一节；留空则在月报中留出空白。', en: 'Goes into the report\'s office remarks; leave empty for a blank space.' },
  'dash.generate': { zh: '生成月报', en: 'Generate the monthly report' },
  'dash.xlsx': { zh: '下载 .xlsx', en: 'Download .xlsx' },
  'dash.docx': { zh: '下载 .docx', en: 'Download .docx' },
  'dash.noLeader': { zh: '未填写', en: 'not given' },
  'dash.stateEn.on-time': { zh: '按时报送', en: 'On time' },
  'dash.stateEn.late': { zh: '逾期报送', en: 'Late' },
  'dash.stateEn.missing': { zh: '未报送', en: 'Not reported' },
  'dash.paceEn.behind': { zh: '滞后', en: 'Behind' },
  'dash.paceEn.attention': { zh: '需关注', en: 'Needs attention' },
  'browser.intro': {
    zh: '没有 Excel 加载项也可以使用：打开台账文件（.xlsx，WPS 可另存为此格式），或从标准模板开始。文件只在本机处理，只有点击「报送」时才上传数据。',
    en: 'No Excel add-in needed: open a tracker file (.xlsx; WPS can save as .xlsx) or start from the template. The file stays on this computer; data is uploaded only when you submit.',
  },
  'browser.open': { zh: '打开 .xlsx 文件', en: 'Open .xlsx file' },
  'browser.drop': { zh: '或把文件拖到这里', en: 'or drop the file here' },
  'browser.template': { zh: '从标准模板开始', en: 'Start from the template' },
  'browser.templateName': { zh: '联系点工作台账.xlsx', en: 'liaison-tracker.xlsx' },
  'browser.download': { zh: '下载工作簿', en: 'Download workbook' },
  'browser.close': { zh: '放弃并关闭', en: 'Discard and close' },
  'browser.opening': { zh: '正在打开「{file}」…', en: 'Opening "{file}"…' },
  'browser.draft': {
    zh: '上次未保存的工作：「{file}」（{time}）。',
    en: 'Unsaved work from last time: "{file}" ({time}).',
  },
  'browser.draftLabel': { zh: '未保存的工作', en: 'Unsaved work' },
  'browser.resume': { zh: '继续', en: 'Resume' },
  'browser.discard': { zh: '放弃', en: 'Discard' },
  'browser.unsaved': { zh: '有未下载的修改（已暂存在本浏览器中）', en: 'Unsaved changes (kept in this browser)' },
  'browser.saved': { zh: '已下载「{file}」。', en: 'Downloaded "{file}".' },
  'browser.confirmTitle': { zh: '放弃未下载的修改？', en: 'Discard the changes not downloaded?' },
  'browser.confirmBody': {
    zh: '关闭后，「{file}」中以下尚未下载的修改将丢失，无法恢复：',
    en: 'Closing loses these changes to "{file}" that were never downloaded, for good:',
  },
  'browser.confirmDraft': {
    zh: '放弃后，暂存的「{file}」（{time}）及其中尚未下载的全部修改将丢失，无法恢复：',
    en: 'Discarding loses the kept "{file}" ({time}) and every change in it not downloaded, for good:',
  },
  'browser.confirmDiscard': { zh: '放弃修改并关闭', en: 'Discard and close' },
  'browser.keepEditing': { zh: '返回', en: 'Go back' },
  'browser.downloadFirst': { zh: '先下载工作簿', en: 'Download first' },
  'change.mapping': { zh: '保存的列对应关系', en: 'the saved column mapping' },
  'change.template': { zh: '新建的标准台账', en: 'the standard tracker created' },
  'change.check': { zh: '检查结果（单元格标注和「完成情况」表）', en: 'the check results (cell highlights and the status sheet)' },
  'change.activity': { zh: '新增的 {count} 条活动', en: '{count} activities added' },
  'change.edit': { zh: '在表格中修改的 {count} 个单元格', en: '{count} cells edited in the sheet view' },
  'change.aggregate': { zh: '拉取的汇总表', en: 'the pulled aggregate sheets' },
  'change.report': { zh: '生成的月报工作表', en: 'the monthly report sheet' },
  'change.unknown': { zh: '自上次下载以来的全部修改', en: 'every change since the last download' },
  'tab.sheet': { zh: '表格', en: 'Sheet' },
  'sheet.pick': { zh: '工作表', en: 'Sheet' },
  'sheet.gridLabel': { zh: '工作表「{sheet}」', en: 'Sheet "{sheet}"' },
  'sheet.hint': {
    zh: '方向键移动，Enter 或 F2 编辑，Enter 确认，Esc 取消；修改后该行立即重新检查。',
    en: 'Arrow keys move, Enter or F2 edits, Enter confirms, Esc cancels; the row is re-checked at once.',
  },
  'sheet.selected': { zh: '单元格 {cell}：{text}', en: 'Cell {cell}: {text}' },
  'sheet.empty': { zh: '（空）', en: '(empty)' },
  'sheet.edit': { zh: '编辑 {cell}', en: 'Edit {cell}' },
  'sheet.rechecked': { zh: '已重新检查第 {row} 行：{count} 个问题。', en: 'Row {row} re-checked: {count} problems.' },
  'sheet.recheckedClean': { zh: '已重新检查第 {row} 行：没有问题。', en: 'Row {row} re-checked: no problems.' },
  'sheet.saved': { zh: '已修改 {cell}。', en: 'Changed {cell}.' },
  'sheet.legendError': { zh: '错误', en: 'Error' },
  'sheet.legendWarning': { zh: '提醒', en: 'Warning' },
  'sheet.rows': { zh: '共 {rows} 行', en: '{rows} rows' },
  'browser.notXlsx': {
    zh: '「{file}」不是 .xlsx 文件。请在 Excel 或 WPS 中另存为 .xlsx 后再打开。',
    en: '"{file}" is not an .xlsx file. Save it as .xlsx in Excel or WPS, then open it.',
  },

  'error.offline': {
    zh: '无法连接到服务器（{url}）。请检查网络和 API 地址，然后重试；重试不会重复计数。',
    en: 'Cannot reach the server ({url}). Check the network and the API address, then retry; retrying never counts twice.',
  },
  'error.unauthorized': {
    zh: 'API 密钥无效或缺失（401）。请在「设置」中检查密钥。',
    en: 'The API key is missing or invalid (401). Check the key in Settings.',
  },
  'error.forbidden': {
    zh: '此密钥无权执行该操作（403）：省级密钥只能报送和查看本省数据。',
    en: 'This key may not do that (403): a provincial key can only submit and read its own province.',
  },
  'error.tooLarge': {
    zh: '数据太大，服务器拒收（413）。请删除多余的行或拆分台账后重试。',
    en: 'The data is too large for the server (413). Remove surplus rows or split the tracker, then retry.',
  },
  'error.badRequest': { zh: '服务器拒收（{status}）：{message}', en: 'The server refused it ({status}): {message}' },
  'error.server': {
    zh: '服务器出错（{status}），请稍后重试。',
    en: 'Server error ({status}); please retry later.',
  },
  'error.unexpected': {
    zh: '出现意外错误：{message}。请重试；如仍出错，请关闭后重新打开本页面或加载项。',
    en: 'Unexpected error: {message}. Please retry; if it persists, close and reopen this page or the add-in.',
  },
  'error.cellEditMode': {
    zh: 'Excel 正在编辑单元格。请先按 Enter 或 Esc 结束编辑，然后重试。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then retry.',
  },
  'error.protected': {
    zh: '工作簿或工作表受保护，无法写入。请在 Excel 中撤销保护（审阅 › 撤销工作表保护）后重试。',
    en: 'The workbook or sheet is protected and cannot be written. Unprotect it in Excel (Review › Unprotect Sheet), then retry.',
  },
  'error.payloadTooLarge': {
    zh: '一次读写的数据超过了 Excel 的上限。请删除台账下方多余的空行或格式后重试。',
    en: 'Excel refused to move that much data at once. Delete surplus empty rows or formatting below the tracker, then retry.',
  },
  'error.itemNotFound': {
    zh: '找不到台账所在的工作表或单元格（可能已被改名或删除）。请在「连接台账」中点击「重新查找」。',
    en: 'The tracker\'s sheet or cell is gone (renamed or deleted?). Click "Search again" on the Connect tab.',
  },
} satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof catalogue;
export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogue[key][lang];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** Office's display language (or the browser's outside Office): English only when it is English. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en' : 'zh';
}

/** A text that exists in both languages (issues, requirement names, errors from the API). */
export function bilingual(lang: Lang, zh: string, en: string | undefined): string {
  return lang === 'en' && en ? en : zh;
}

/** The BCP 47 tag for a pane language (html lang, FluentProvider, dates). */
export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** Sheet names for a message that quotes them: 1月」「2月 inside 「…」, or 1月", "2月 inside "…". */
export function sheetList(lang: Lang, sheets: readonly string[]): string {
  return sheets.join(lang === 'zh' ? '」「' : '", "');
}

/** A tracker field's name (联系点, 活动日期…) in the pane's language. */
export function fieldLabel(lang: Lang, field: FieldKey): string {
  return bilingual(lang, FIELD_LABELS[field].zh, FIELD_LABELS[field].en);
}

/**
 * An issue's message in the pane's language. `withPlace: false` drops the leading row and cell, for the
 * add-activity form, where the row does not exist yet and the field itself shows where.
 */
export function issueText(lang: Lang, issue: Pick<Issue, 'message' | 'messageEn' | 'problem' | 'problemEn'>, withPlace = true): string {
  if (!withPlace && issue.problem) return bilingual(lang, issue.problem, issue.problemEn);
  return bilingual(lang, issue.message, issue.messageEn);
}

export const LangContext = createContext<Lang>('zh');

export function useT(): (key: MessageKey, params?: Params) => string {
  const lang = useContext(LangContext);
  return (key, params) => translate(lang, key, params);
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export const catalogueKeys = Object.keys(catalogue) as MessageKey[];
