// What the pane's components may do to "the workbook": the flows of addin/flows bound to one WorkbookPort.
// Components receive this object as a prop and never touch Excel or exceljs themselves, so the same
// screens drive Excel (add-in) and an in-memory .xlsx (browser mode), and tests pass a fake port.
import type { AggregateResponse } from '../../shared/api';
import type { MonthlyReport } from '../../shared/report';
import type { Campaign, CheckReport, Issue } from '../../shared/types';
import * as flows from '../flows';
import type { TemplateOutcome, WorkbookPort } from '../workbook/port';

/** What an operation changed, so browser mode can say what an unsaved draft holds before it is discarded. */
export type ChangeKind = 'mapping' | 'template' | 'check' | 'activity' | 'aggregate' | 'report' | 'edit';

export type MappingWithHeaders = flows.TrackerMapping & { headers: Record<string, string> };

export interface PaneOperations {
  readonly kind: WorkbookPort['kind'];
  sheetNames(): Promise<string[]>;
  connect(campaign: Campaign, options?: flows.FlowOptions): Promise<flows.Connection | null>;
  /** Remembers the mapping in the workbook, then reads the tracker with it. */
  saveMapping(mapping: flows.TrackerMapping, campaign: Campaign): Promise<flows.Connection | null>;
  createTracker(campaign: Campaign): Promise<TemplateOutcome>;
  check(campaign: Campaign, options?: flows.CheckOptions): Promise<flows.CheckOutcome>;
  /** The check without writing into the workbook (报送 reads; it does not mark the file changed). */
  review(campaign: Campaign, options?: flows.CheckOptions): Promise<CheckReport>;
  /** Pure: what the checker would say about this row; used while the user types. */
  validateActivity(input: flows.ActivityInput, mapping: MappingWithHeaders, campaign: Campaign, row: number): Issue[];
  addActivity(campaign: Campaign, mapping: MappingWithHeaders, input: flows.ActivityInput): Promise<flows.ActivityResult>;
  select(sheet: string, cell: string): Promise<void>;
  pullAggregate(aggregate: AggregateResponse, campaign: Campaign, options?: flows.FlowOptions): Promise<string[]>;
  writeMonthlyReport(report: MonthlyReport, options?: flows.FlowOptions): Promise<string>;
}

/**
 * Binds the flows to a port, each user action in one transaction (ExcelWorkbook: one `Excel.run`).
 * `afterChange` runs after every operation that changed the workbook (browser mode keeps a draft of
 * the file then).
 */
export function bindFlows(port: WorkbookPort, afterChange: (change: ChangeKind) => Promise<void> | void = () => undefined): PaneOperations {
  const action = <T>(work: () => Promise<T>): Promise<T> => port.transaction(work);
  const changing = async <T>(change: ChangeKind, work: () => Promise<T>): Promise<T> => {
    const result = await action(work);
    await afterChange(change);
    return result;
  };
  return {
    kind: port.kind,
    sheetNames: () => port.sheetNames(),
    connect: (campaign, options) => action(() => flows.connect(port, campaign, options)),
    async saveMapping(mapping, campaign) {
      await changing('mapping', () => flows.saveMapping(port, mapping));
      return action(() => flows.connect(port, campaign));
    },
    createTracker: (campaign) => changing('template', () => flows.createTracker(port, campaign)),
    check: (campaign, options) => changing('check', () => flows.check(port, campaign, options)),
    review: (campaign, options) => action(() => flows.review(port, campaign, options)),
    validateActivity: flows.validateActivity,
    async addActivity(campaign, mapping, input) {
      const result = await action(() => flows.addActivity(port, campaign, mapping, input));
      if (result.appended) await afterChange('activity');
      return result;
    },
    select: (sheet, cell) => port.select(sheet, cell),
    pullAggregate: (aggregate, campaign, options) => changing('aggregate', () => flows.pullAggregate(port, aggregate, campaign, options)),
    writeMonthlyReport: (report, options) => changing('report', () => flows.writeMonthlyReport(port, report, options)),
  };
}
