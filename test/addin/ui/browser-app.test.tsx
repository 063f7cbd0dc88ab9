/** @jest-environment jsdom */
// Browser mode's shell: open a file or the template, keep every change as a draft until it is
// downloaded or discarded, offer the draft back after a reload, refuse files that are not .xlsx.
import './jsdom-shims';
import { TextDecoder, TextEncoder } from 'node:util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_CAMPAIGN } from '../../../shared';
import { BrowserApp, type BrowserWorkbook, type WorkbookFactory } from '../../../addin/src/browser/BrowserApp';
import type { Draft, DraftStore } from '../../../addin/src/browser/draft-store';
import { FakePort, memoryStorage, messyTracker } from './fake-port';

/** A FakePort that "saves" to JSON bytes and opens them again, so drafts round-trip. */
class SavingPort extends FakePort implements BrowserWorkbook {
  async save(): Promise<Uint8Array> {
    return new TextEncoder().encode(JSON.stringify(Object.fromEntries(this.sheets)));
  }
}

const factory: WorkbookFactory = {
  async open(bytes) {
    const text = new TextDecoder().decode(bytes);
    if (!text.startsWith('{')) {
      throw Object.assign(new Error('文件不是有效的 .xlsx 工作簿。'), { messageEn: 'Not a valid .xlsx workbook.' });
    }
    return new SavingPort(JSON.parse(text));
  },
  fromTemplate: () => new SavingPort({ 台账: [['联系点', '活动日期', '活动类型', '参加领导', '活动主题']] }),
};

function memoryDrafts(initial: Draft | null = null): DraftStore & { current: Draft | null } {
  const store = {
    current: initial,
    load: async () => store.current,
    save: async (draft: Draft) => {
      store.current = draft;
    },
    clear: async () => {
      store.current = null;
    },
  };
  return store;
}

function fileOf(content: string, name: string): File {
  const bytes = new TextEncoder().encode(content);
  const file = new File([bytes], name);
  // jsdom's File lacks arrayBuffer(); the browser has it.
  Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer });
  return file;
}

function renderApp(drafts: DraftStore) {
  const downloads: { name: string; data: Blob }[] = [];
  render(
    <BrowserApp
      lang="zh"
      campaign={DEFAULT_CAMPAIGN}
      workbooks={factory}
      drafts={drafts}
      settingsStore={memoryStorage()}
      download={(data, name) => downloads.push({ name, data })}
    />,
  );
  return downloads;
}

describe('browser mode shell', () => {
  test('a dropped tracker is checked, kept as a draft, downloaded, and the draft cleared', async () => {
    const drafts = memoryDrafts();
    const downloads = renderApp(drafts);
    const file = fileOf(JSON.stringify({ 台账: messyTracker() }), '贵州台账.xlsx');
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file] } });
    await screen.findByText(/第 3 行找到表头，共 3 条活动记录/);
    expect(drafts.current).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '检查' }));
    fireEvent.click(screen.getByRole('button', { name: '检查台账' }));
    await screen.findByText(/缺少：看望老同志/);
    await waitFor(() => expect(drafts.current?.fileName).toBe('贵州台账.xlsx'));
    const kept = JSON.parse(new TextDecoder().decode(drafts.current!.bytes));
    expect(Object.keys(kept)).toContain('完成情况');
    expect(screen.getByText('有未下载的修改（已暂存在本浏览器中）')).toBeTruthy();

    // A clicked problem says where it is selected.
    fireEvent.click(screen.getByText(/活动日期不在活动期间/));
    await screen.findByText('已在「表格」中选中「台账」C6。');

    // Bug (issue 13): 放弃并关闭 threw unsaved changes away without asking.
    fireEvent.click(screen.getByRole('button', { name: '放弃并关闭' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('检查结果（单元格标注和「完成情况」表）');
    fireEvent.click(within(dialog).getByText('返回'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(drafts.current?.changes).toEqual({ check: 1 });

    fireEvent.click(screen.getByRole('button', { name: '下载工作簿' }));
    await screen.findByText('已下载「贵州台账.xlsx」。');
    expect(downloads.map((d) => d.name)).toEqual(['贵州台账.xlsx']);
    expect(drafts.current).toBeNull();
    expect(screen.queryByText('有未下载的修改（已暂存在本浏览器中）')).toBeNull();
  });

  test('a draft from before the reload is offered back and resumes where it was', async () => {
    const port = new SavingPort({ 台账: messyTracker() });
    const drafts = memoryDrafts({ fileName: '上次.xlsx', bytes: await port.save(), savedAt: '2017-05-02T03:04:05.000Z' });
    renderApp(drafts);
    await screen.findByText(/上次未保存的工作：「上次.xlsx」/);
    fireEvent.click(screen.getByRole('button', { name: '继续' }));
    await screen.findByText(/第 3 行找到表头/);
    expect(screen.getByText('上次.xlsx')).toBeTruthy();
  });

  test('discarding a draft asks first, saying what is lost; 返回 keeps it, confirming forgets it', async () => {
    const drafts = memoryDrafts({ fileName: '上次.xlsx', bytes: new Uint8Array([123, 125]), savedAt: '2017-05-02T03:04:05.000Z', changes: { activity: 2, check: 1 } });
    renderApp(drafts);
    fireEvent.click(await screen.findByRole('button', { name: '放弃' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('新增的 2 条活动');
    expect(dialog.textContent).toContain('检查结果');
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(drafts.current).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '放弃' }));
    fireEvent.click(await screen.findByRole('button', { name: '放弃修改并关闭' }));
    await waitFor(() => expect(drafts.current).toBeNull());
    expect(screen.queryByText(/上次未保存的工作/)).toBeNull();
  });

  test('the template starts a draft at once; a file that is not .xlsx is refused in Chinese', async () => {
    const drafts = memoryDrafts();
    renderApp(drafts);
    fireEvent.change(screen.getByLabelText('打开 .xlsx 文件'), { target: { files: [fileOf('a,b', '台账.csv')] } });
    expect((await screen.findByRole('alert')).textContent).toContain('「台账.csv」不是 .xlsx 文件');

    fireEvent.change(screen.getByLabelText('打开 .xlsx 文件'), { target: { files: [fileOf('PK garbage', '坏文件.xlsx')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('文件不是有效的 .xlsx 工作簿。'));

    fireEvent.click(screen.getByRole('button', { name: '从标准模板开始' }));
    await screen.findByText(/第 1 行找到表头，共 0 条活动记录/);
    expect(drafts.current?.fileName).toBe('联系点工作台账.xlsx');
  });
});
