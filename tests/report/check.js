// check.js - loads --report pages in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core) and checks them; called by
// tests/report/run.sh as:
//   node check.js NAME:PAGE.html:SUMMARY.json:SCREENSHOT.png:OPTIONS.json...
// SUMMARY.json is `trawl --summary --json`'s document on the same capture.
// OPTIONS.json: {"sections": [...ids that must be there],
//   "absent": [...ids that must not], "hostile": [...texts that must show
//   as text], "alerts": N, "files": [...names listed], "screenshot": false
//   (none), "nocsp": false (no second load without the CSP)}
// Prints "ok NAME WHAT" / "FAIL NAME WHAT: why" lines; exit 1 on any
// failure.  One browser for all the pages, a new context for each.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

let failed = 0;

async function one(browser, spec) {
	const [name, page_path, sum_path, shot_path, opt_path] = spec.split(':');
	const summary = JSON.parse(fs.readFileSync(sum_path, 'utf8')).summary;
	const want = JSON.parse(fs.readFileSync(opt_path, 'utf8'));
	const url = 'file://' + path.resolve(page_path);
	const ok = (what) => console.log('ok ' + name + ' ' + what);
	const fail = (what, why) => { failed++; console.log('FAIL ' + name + ' ' + what + ': ' + why); };
	const check = (what, cond, why) => (cond ? ok(what) : fail(what, why));
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const errors = [], requests = [];
	// every request but the page itself is a failure (and is not let out)
	await ctx.route('**/*', (route) => {
		const u = route.request().url();
		if (u === url) return route.continue();
		requests.push(u);
		return route.abort();
	});
	const page = await ctx.newPage();
	page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.type() + ': ' + m.text()); });
	page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
	page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
	// a packet's script that ran would set window.__pwned or call alert()
	await page.addInitScript(() => {
		window.__pwned = undefined;
		for (const f of ['alert', 'confirm', 'prompt'])
			window[f] = (...a) => { window.__pwned = f + ':' + a.join(','); };
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(150); // let any deferred error or request show

	const dom = await page.evaluate(() => {
		const txt = (e) => (e ? e.textContent.trim() : null);
		const rows = (id) => Array.from(document.querySelectorAll('#' + id + ' tbody tr')).map(
			(tr) => Array.from(tr.cells).map((td) => td.textContent.trim()));
		const ov = {};
		document.querySelectorAll('#overview [data-k]').forEach((e) => { ov[e.dataset.k] = e.textContent.trim(); });
		const onattr = [];
		document.querySelectorAll('*').forEach((e) => {
			for (const a of e.attributes) if (/^on/i.test(a.name)) onattr.push(e.tagName + ' ' + a.name);
		});
		return {
			pwned: window.__pwned === undefined ? null : String(window.__pwned),
			sections: Array.from(document.querySelectorAll('main > section')).map((s) => s.id),
			ov,
			scripts: document.scripts.length,
			imgs: document.images.length,
			iframes: document.querySelectorAll('iframe,object,embed,link,meta[http-equiv=refresh]').length,
			onattr,
			talkers: rows('talkers-table'),
			ipproto: Array.from(document.querySelectorAll('#ipproto-table tbody tr')).map((tr) => [Number(tr.dataset.proto), tr.cells[1].textContent, tr.cells[2].textContent]),
			apps: rows('app-table'),
			conv: rows('conv-table').length,
			convbytes: rows('conv-table').map((r) => Number(r[8])),
			body: document.body.innerText,
			files: txt(document.getElementById('files')),
			alerts: rows('alerts-table'),
			alertmarks: document.querySelectorAll('#time .alertmark').length,
			timechart: document.querySelectorAll('#time svg path').length,
			timerows: rows('time-table').reduce((s, r) => s + Number(r[6]), 0),
			graph: document.querySelectorAll('#graph-svg line').length,
			graphnodes: document.querySelectorAll('#graph-svg circle').length,
		};
	});

	check('no console error or warning', errors.length === 0, errors.join(' | '));
	check('no network request', requests.length === 0, requests.join(' '));
	check('no script ran', dom.pwned === null && !errors.some((e) => e.startsWith('dialog')), 'window.__pwned = ' + dom.pwned);
	check('only the page script', dom.scripts === 1, dom.scripts + ' script elements');
	check('no img, iframe, object, link, refresh', dom.imgs === 0 && dom.iframes === 0, dom.imgs + ' img, ' + dom.iframes + ' others');
	check('no event handler attribute', dom.onattr.length === 0, dom.onattr.join(', '));
	for (const s of want.sections)
		check('section ' + s, dom.sections.includes(s), 'sections: ' + dom.sections.join(','));
	for (const s of want.absent || [])
		check('no section ' + s, !dom.sections.includes(s), 'present');

	// the numbers are --summary --json's
	check('packets', dom.ov.packets === String(summary.packets), dom.ov.packets + ' != ' + summary.packets);
	check('bytes', dom.ov.bytes === String(summary.bytes), dom.ov.bytes + ' != ' + summary.bytes);
	check('captured bytes', dom.ov.captured_bytes === String(summary.captured_bytes), dom.ov.captured_bytes);
	check('hosts', dom.ov.hosts === String(summary.hosts), dom.ov.hosts + ' != ' + summary.hosts);
	check('time table adds up to the packets', dom.timerows === summary.packets, dom.timerows + ' != ' + summary.packets);
	const tt = summary.top_talkers;
	let tok = dom.talkers.length >= tt.length;
	tt.forEach((t, i) => {
		const r = dom.talkers[i] || [];
		const exp = [t.host, t.sent.packets, t.sent.bytes, t.received.packets, t.received.bytes].map(String);
		if (exp.some((v, j) => r[j] !== v)) { tok = false; fail('top talker ' + i, JSON.stringify(r) + ' != ' + JSON.stringify(exp)); }
	});
	check('top talkers (' + tt.length + ')', tok, 'rows ' + dom.talkers.length);
	const ip = summary.ip_protocols;
	let pok = ip.length === dom.ipproto.length;
	ip.forEach((p, i) => {
		const r = dom.ipproto[i] || [];
		if (r[0] !== p.proto || r[1] !== String(p.packets) || r[2] !== String(p.bytes)) pok = false;
	});
	check('IP protocol counts (' + ip.length + ')', pok, JSON.stringify(dom.ipproto) + ' vs ' + JSON.stringify(ip));
	const ap = summary.applications;
	let aok = true;
	ap.forEach((a) => {
		const r = dom.apps.find((x) => x[0] === a.name);
		if (!r || r[1] !== String(a.packets) || r[2] !== String(a.bytes)) aok = false;
	});
	check('application counts (' + ap.length + ')', aok, JSON.stringify(dom.apps));
	check('traffic chart drawn', dom.timechart > 0, 'no path');
	if (summary.packets > 0 && summary.hosts > 1)
		check('graph drawn', dom.graph > 0 && dom.graphnodes > 1, dom.graph + ' edges');
	check('conversations listed', dom.conv > 0 || summary.packets === 0, 'none');

	// sorting: by bytes ascending, then descending
	if (dom.conv > 1) {
		const th = page.locator('#conv-table thead th', { hasText: /^bytes$/ });
		await th.click();
		const asc = await page.evaluate(() => Array.from(document.querySelectorAll('#conv-table tbody tr')).map((r) => Number(r.cells[8].textContent)));
		await th.click();
		const desc = await page.evaluate(() => Array.from(document.querySelectorAll('#conv-table tbody tr')).map((r) => Number(r.cells[8].textContent)));
		const sorted = (a, d) => a.every((v, i) => i === 0 || (d ? a[i - 1] >= v : a[i - 1] <= v));
		check('conversations sort by a column', sorted(asc, false) && sorted(desc, true) && asc.length === dom.conv, 'not sorted');
	}

	for (const h of want.hostile || [])
		check('shown as text: ' + h, dom.body.includes(h), 'not found in the page text');
	if (want.files)
		for (const f of want.files)
			check('file listed: ' + f, (dom.files || '').includes(f), 'not in the files section');
	if (want.alerts) {
		const n = dom.alerts.reduce((s, r) => s + Number(r[2]), 0);
		check('alerts counted', n === want.alerts, n + ' != ' + want.alerts);
		check('alerts marked on the time axis', dom.alertmarks > 0, 'no mark');
	}

	// the page from the top (at most 6000 pixels of it: a very long page
	// takes software rendering too long)
	const h = await page.evaluate(() => document.documentElement.scrollHeight);
	if (want.screenshot !== false) await page.screenshot({ path: shot_path, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(h, 6000) } });
	if (want.hostile && want.nocsp !== false) {
		// again without the page's Content-Security-Policy: the escaping
		// alone must keep the packets' script from running
		const ctx2 = await browser.newContext({ bypassCSP: true });
		const req2 = [];
		await ctx2.route('**/*', (route) => {
			const u = route.request().url();
			if (u === url) return route.continue();
			req2.push(u);
			return route.abort();
		});
		const p2 = await ctx2.newPage();
		const err2 = [];
		p2.on('pageerror', (e) => err2.push(e.message));
		p2.on('dialog', (d) => { err2.push('dialog: ' + d.message()); d.dismiss(); });
		await p2.addInitScript(() => { window.__pwned = undefined; });
		await p2.goto(url, { waitUntil: 'load' });
		await p2.waitForTimeout(150);
		const pw = await p2.evaluate(() => (window.__pwned === undefined ? null : String(window.__pwned)));
		check('without the CSP too: no script ran, no request', pw === null && req2.length === 0 && err2.length === 0,
			pw + ' ' + req2.join(' ') + ' ' + err2.join(' | '));
		await ctx2.close();
	}
	// a last look: sorting and the screenshot ran nothing either
	const late = await page.evaluate(() => (window.__pwned === undefined ? null : String(window.__pwned)));
	check('still no script ran, no request', late === null && requests.length === 0 && errors.length === 0,
		late + ' ' + requests.join(' ') + errors.join(' | '));
	await ctx.close();
}

(async () => {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
	});
	for (const spec of process.argv.slice(2)) {
		try {
			await one(browser, spec);
		} catch (e) {
			failed++;
			console.log('FAIL ' + spec.split(':')[0] + ' browser: ' + (e && e.stack ? e.stack.split('\n')[0] : e));
		}
	}
	await browser.close();
	process.exit(failed ? 1 : 0);
})().catch((e) => { console.log('FAIL browser: ' + (e && e.stack ? e.stack.split('\n')[0] : e)); process.exit(1); });
