import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventTypeOptions, resources } from '../../nodes/shared';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { counts, fillCounts, readSection, renderOperations } = require('../../scripts/readme.js') as {
	counts: (r: typeof resources, webhookEvents: unknown[]) => Record<string, number>;
	fillCounts: (text: string, values: Record<string, number>) => string;
	readSection: (readme: string) => string;
	renderOperations: (r: typeof resources) => string;
};

const read = (file: string) => fs.readFileSync(path.resolve(__dirname, '../..', file), 'utf8');
const readme = read('README.md');

describe('README', () => {
	it('lists every resource and operation exactly as the descriptions say (npm run build && node scripts/readme.js)', () => {
		expect(readSection(readme)).toBe(renderOperations(resources).trim());
	});

	it.each(['README.md', 'CHANGELOG.md'])('%s states the operation counts of the descriptions (npm run build && node scripts/readme.js)', (file) => {
		const text = read(file);
		const values = counts(resources, eventTypeOptions);
		expect(text).toMatch(/<!-- endpoints -->\d+<!-- \/endpoints -->/);
		expect(fillCounts(text, values)).toBe(text);
	});

	it('has exactly two set-up commands: the demo and the tests', () => {
		const commands = readme.match(/^```sh\n([^\n]+)\n```$/gm) ?? [];
		expect(commands.map((block) => block.split('\n')[1])).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
	});
});
