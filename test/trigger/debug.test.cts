import { countRequests, ids, startMock, trigger } from './world.cjs';

it('debug', async () => {
	const mock = await startMock({ order: 'oldest-first' });
	mock.store.seed('customers', 95);
	const t = trigger(mock, { event: 'customerCreated', options: { emitExisting: true, budgetPercent: 10 } });
	for (let i = 0; i < 4; i++) {
		const { result, requests } = await countRequests(mock, () => t.poll(i === 0));
		console.log(i, result.error?.stack, requests, ids(result.items).length, JSON.stringify(t.memoryState).slice(0, 300));
		console.log(mock.log.entries().slice(-requests).map((e) => `${e.query.page}`).join(','));
	}
	await mock.close();
});
