import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));

/** The codex file beside each node n8n loads: dist/nodes/X/X.node.js → nodes/X/X.node.json. */
const codexFiles: string[] = pkg.n8n.nodes.map((file: string) => file.replace(/^dist\//, '').replace(/\.js$/, '.json'));

describe.each(codexFiles)('codex file %s', (file) => {
	const codex = JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8'));
	const urls = (kind: string): string[] => (codex.resources[kind] ?? []).map((r: { url: string }) => r.url);

	it("names the node it describes (package name and the node's name)", () => {
		const className = path.basename(file, '.node.json');
		expect(codex.node).toBe(`${pkg.name}.${className[0].toLowerCase()}${className.slice(1)}`);
	});

	it('links documentation without a query, and the node panel link without a fragment either', () => {
		// The node panel's Docs link is `${primaryDocumentation[0].url}?utm_source=…` (n8n-editor-ui):
		// an existing query would be broken by a second `?`, and a #fragment would swallow the query.
		expect(urls('primaryDocumentation')).toEqual(['https://github.com/mijnklantportaal/n8n-nodes-mijnklantportaal']);
		expect(urls('credentialDocumentation')).toEqual(['https://github.com/mijnklantportaal/n8n-nodes-mijnklantportaal#credentials']);
	});

	it('has search aliases, MKP and customer portal among them', () => {
		expect(codex.alias).toEqual(expect.arrayContaining(['MKP', 'customer portal']));
		expect(new Set(codex.alias).size).toBe(codex.alias.length);
	});
});
