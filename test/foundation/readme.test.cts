import * as fs from 'node:fs';
import * as path from 'node:path';
import { resources } from '../../nodes/shared/resources';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSection, renderOperations } = require('../../scripts/readme.js') as {
	readSection: (readme: string) => string;
	renderOperations: (r: typeof resources) => string;
};

const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
	it('lists every resource and operation exactly as the descriptions say (npm run build && node scripts/readme.js)', () => {
		expect(readSection(readme)).toBe(renderOperations(resources).trim());
	});

	it('has exactly two set-up commands: the demo and the tests', () => {
		const commands = readme.match(/^```sh\n([^\n]+)\n```$/gm) ?? [];
		expect(commands.map((block) => block.split('\n')[1])).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
	});
});
