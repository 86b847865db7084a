'use strict';
const path = require('path');

/** Reads executions through the editor's REST API (run data is stored in n8n's "flatted" form). */
class Executions {
	constructor(n8n) {
		this.n8n = n8n;
		this.flatted = require(require.resolve('flatted', { paths: [path.dirname(n8n.runtime.n8n)] }));
	}

	async list(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const result = await this.n8n.rest('GET', `/executions?filter=${filter}&limit=100`);
		return (result.results || result).slice().sort((a, b) => Number(a.id) - Number(b.id));
	}

	async runData(id) {
		const execution = await this.n8n.rest('GET', `/executions/${id}`);
		const data = typeof execution.data === 'string' ? this.flatted.parse(execution.data) : execution.data;
		return { execution, data };
	}

	/** Output items of the trigger (first node) of every finished execution, in order. */
	async triggerItems(workflowId, nodeName) {
		const out = [];
		for (const execution of await this.list(workflowId)) {
			if (execution.status === 'running' || execution.status === 'new') continue;
			const { data } = await this.runData(execution.id);
			const runs = data.resultData.runData[nodeName] || [];
			out.push({ id: execution.id, status: execution.status, items: runs.flatMap((r) => (r.data && r.data.main[0]) || []) });
		}
		return out;
	}

	/** Waits until `predicate(executions)` holds (polls the REST API). */
	async waitFor(workflowId, predicate, { timeoutMs = 150000, intervalMs = 2000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await this.list(workflowId);
			if (predicate(executions)) return executions;
			if (Date.now() > deadline) throw new Error(`timed out waiting for executions of ${workflowId}: ${JSON.stringify(executions.map((e) => [e.id, e.status]))}`);
			await new Promise((r) => setTimeout(r, intervalMs));
		}
	}
}

module.exports = { Executions };
