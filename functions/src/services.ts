// The process-wide repository: created on first use from the environment (Azure, `func start`),
// or handed in by the local host and the tests so they can point at their own tables.
import { configFromEnv, openStorage } from './storage/clients';
import { Repository } from './storage/repository';

let repository: Repository | null = null;

export function useRepository(next: Repository | null): void {
  repository = next;
}

let clock: () => Date = () => new Date();

/** The clock submissions are stamped with; the demo hands in its own to re-enact 2017. `null` restores the real one. */
export function useClock(next: (() => Date) | null): void {
  clock = next ?? (() => new Date());
}

export function now(): Date {
  return clock();
}

export function getRepository(): Repository {
  repository ??= new Repository(openStorage(configFromEnv()));
  return repository;
}
