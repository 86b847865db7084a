import type { ListOrder } from './state';

/** The poll may send no more requests (README-algorithm.md §7). */
export interface BudgetSpent {
	stoppedBy: 'budget';
}

/** A page showed the other order than the walk assumed (README-algorithm.md §2). */
export interface OrderChanged {
	stoppedBy: 'orderChanged';
	order: ListOrder;
}

/**
 * Why a read or a walk ended before it was done. These are expected outcomes, returned, never
 * thrown: the walk keeps what it read up to there and goes on next poll, or (order changed) the
 * poll walks again the other way. Only real errors are thrown.
 */
export type Stop = BudgetSpent | OrderChanged;

export const BUDGET_SPENT: BudgetSpent = { stoppedBy: 'budget' };

export function isStop(value: unknown): value is Stop {
	return typeof value === 'object' && value !== null && 'stoppedBy' in value;
}
