'use strict';
// Seed data: realistic Dutch-looking records, deterministic from the store's PRNG. `build` makes one
// complete record (used by `store.create`), `seed` makes many with createdAt spread over the past
// two years in creation order, `seedAll` seeds every collection with consistent references.
// Bytes of seeded PDFs/files are not stored; `seedBlob` re-derives them from the record on demand.
const crypto = require('node:crypto');
const { atom, date, isoZ, money, addToDate, nextRenewal, fromLocal, parseDate, DAY, HOUR } = require('./format');
const { WEBHOOK_TYPES } = require('./validate');

const FIRST = ['Jan', 'Sanne', 'Daan', 'Emma', 'Lucas', 'Julia', 'Sem', 'Tess', 'Noah', 'Lotte', 'Bram', 'Fleur', 'Thijs', 'Anouk', 'Ruben', 'Iris', 'Pieter', 'Eva', 'Joost', 'Marieke', 'Kees', 'Ingrid', 'Wouter', 'Femke'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Willems', 'van den Berg', 'Verhoeven'];
const TRADES = ['Bakkerij', 'Kapsalon', 'Schildersbedrijf', 'Hoveniersbedrijf', 'Fysiotherapie', 'Administratiekantoor', 'Autobedrijf', 'Loodgietersbedrijf', 'Fietsenmaker', 'Dierenkliniek', 'Bloemisterij', 'Tandartspraktijk'];
const SECTORS = ['Installatietechniek', 'Advies', 'Bouw', 'ICT', 'Logistiek', 'Vastgoed', 'Media', 'Consultancy', 'Techniek', 'Schoonmaak'];
const LEGAL = [' B.V.', ' B.V.', ' V.O.F.', '', '', ' & Zn.'];
const STREETS = ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsweg', 'Schoolstraat', 'Hoofdstraat', 'Julianastraat', 'Beatrixlaan', 'Nieuwstraat', 'Industrieweg', 'Parallelweg', 'Wilhelminastraat', 'Marktplein', 'Sportlaan', 'Prinsengracht', 'Oranjelaan'];
const CITIES = ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Apeldoorn', 'Haarlem', 'Arnhem', 'Zwolle', 'Leiden', 'Maastricht', 'Amersfoort', 'Deventer', 'Delft', 'Alkmaar'];
const INTEGRATIONS = ['acumulus', 'moneybird', 'e-boekhouden', 'exact-online'];
const GROUPS = ['Nieuwsbrief', 'VIP klanten', 'Zakelijk', 'Particulier', 'Regio Noord', 'Regio Zuid', 'Onderhoudscontract', 'Prospects', 'Wanbetalers', 'Partners'];
const AGREEMENTS = ['Overeenkomst van opdracht', 'Verwerkersovereenkomst', 'Huurovereenkomst bedrijfsruimte', 'Onderhoudscontract', 'Samenwerkingsovereenkomst', 'Geheimhoudingsverklaring'];
const APPOINTMENTS = ['Kennismakingsgesprek', 'Adviesgesprek', 'Jaarlijkse evaluatie', 'Intake', 'Oplevering', 'Onderhoudsbeurt'];
const PACKAGES = [['Onderhoudsabonnement Basis', 'Jaarlijkse controle en onderhoud.'], ['Hosting Pro', 'Webhosting met dagelijkse back-ups.'], ['Premium support', 'Voorrang bij storingen, reactie binnen 4 uur.'], ['Boekhouding Compleet', 'Volledige administratie per kwartaal.'], ['Lidmaatschap', 'Toegang tot alle faciliteiten.']];
const INTERVALS = ['14 days', '1 month', '1 month', '1 month', '2 months', '6 months', '1 year'];
const VAT = [21, 21, 21, 9, 0];
const FILES = [['Offerte', 'pdf'], ['Notulen overleg', 'txt'], ['Klantenlijst', 'csv'], ['Algemene voorwaarden', 'pdf'], ['Jaarrekening', 'pdf'], ['Urenoverzicht', 'csv'], ['Handleiding', 'pdf'], ['Planning', 'txt']];
const DIRECTORIES = ['Facturen', 'Contracten', 'Offertes', 'Correspondentie', 'Projecten', 'Archief', 'Foto\'s'];
const MIMES = { pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv' };
const REQUESTED = [['Kopie ID-bewijs', 'Voor- en achterkant'], ['Loonstrook', 'Meest recente maand'], ['Jaaropgave', 'Van vorig jaar'], ['KvK-uittreksel', 'Niet ouder dan 3 maanden'], ['Bankafschrift', 'Met zichtbaar rekeningnummer']];
const LINKS = ['Aanbetaling verbouwing', 'Workshop fotografie', 'Consult 60 minuten', 'Borg gereedschap', 'Donatie', 'Inschrijfgeld cursus'];
const PUNCH = [['Rittenkaart', 'ritten'], ['Lessenkaart', 'lessen'], ['Knipkaart', 'knipbeurten'], ['Badenkaart', 'zwembeurten'], ['Behandelkaart', 'behandelingen']];
const TICKETS = ['Vraag over factuur', 'Inloggen lukt niet', 'Wijziging adresgegevens', 'Afspraak verzetten', 'Document niet te openen', 'Opzeggen abonnement', 'Betaling mislukt'];
const MESSAGES = ['<p>Goedemiddag, kunt u hier even naar kijken?</p>', '<p>Bedankt voor uw bericht, we gaan ermee aan de slag.</p>', '<p>Dat is opgelost, kunt u het nog eens proberen?</p>', '<p>Het werkt weer, bedankt!</p>'];
const MKP_LINES = ['MijnKlantportaal Pro licentie', 'Extra gebruikers', 'SMS-bundel', 'Extra opslag 50 GB'];
const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
/** 1×1 transparent PNG: signatures are PNG data URLs in the API. */
const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** A minimal but well-formed one-page PDF showing `lines` (so viewers open the seeded downloads). */
function tinyPdf(lines) {
	const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 18} Td (${String(l).replace(/[()\\]/g, '\\$&').replace(/[^\x20-\x7e]/g, '?')}) Tj ET`).join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = objects.map((body, i) => {
		const offset = Buffer.byteLength(out);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
		return offset;
	});
	const xref = Buffer.byteLength(out);
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

// ---- random helpers (all draw from the store's seeded PRNG) ----
const int = (s, min, max) => min + s.below(max - min + 1);
const pick = (s, list) => list[s.below(list.length)];
const chance = (s, p) => s.below(1000) < p * 1000;
const digits = (s, n) => String(s.below(10 ** n)).padStart(n, '0');
const person = (s) => ({ firstName: pick(s, FIRST), lastName: pick(s, LAST) });
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
const emailFor = (first, last, domain) => `${slug(first)}.${slug(last)}@${domain}`;
/** Concatenation into one flat string: seeded records are long-lived, and `+`/templates keep cons-string trees. */
const flat = (...parts) => parts.join('');
const capitalize = (word) => word[0].toUpperCase() + word.slice(1);
const amountCents = (s, min, max) => int(s, min, max) * 100 + pick(s, [0, 0, 0, 50, 95, 99, int(s, 1, 99)]);

/** Random existing record of a collection, or a freshly built one when it is empty. */
function pickRecord(s, name) {
	const all = s.collection(name).all();
	return all.length ? all[s.below(all.length)] : s.create(name);
}

/** `overrides[field]` when given, else a random existing id (null with probability `nullChance`). */
function ref(s, overrides, field, name, nullChance = 0) {
	if (overrides[field] !== undefined) return overrides[field];
	if (nullChance && chance(s, nullChance)) return null;
	return pickRecord(s, name).id;
}

function companyName(s) {
	const capital = capitalize(pick(s, LAST));
	switch (int(s, 0, 3)) {
		case 0: return flat(pick(s, TRADES), ' ', capital);
		case 1: return flat(capital, ' ', pick(s, SECTORS), pick(s, LEGAL));
		case 2: return flat(capital, ' & ', capitalize(pick(s, LAST)), ' ', pick(s, ['Advocaten', 'Notarissen', 'Accountants', 'Architecten']));
		default: return flat(pick(s, CITIES), ' ', pick(s, SECTORS), pick(s, LEGAL));
	}
}

function withoutLegalForm(name) {
	for (const form of LEGAL) if (form && name.endsWith(form)) return name.slice(0, -form.length);
	return name;
}

const letters = 'ABCDEFGHJKLMNPRTVWXZ';
const zipCode = (s) => `${int(s, 1000, 9999)} ${letters[int(s, 0, letters.length - 1)]}${letters[int(s, 0, letters.length - 1)]}`;

// ---- builders: (store, overrides, at = createdAt ms) → complete record ----
const builders = {
	customers(s, o, at) {
		const name = companyName(s);
		const domain = flat(slug(withoutLegalForm(name)).slice(0, 24), '.nl');
		const integration = chance(s, 0.3) ? pick(s, INTEGRATIONS) : null;
		return {
			id: s.newId('cst_', 'customers'),
			companyName: name,
			address: flat(pick(s, STREETS), ' ', int(s, 1, 250), chance(s, 0.15) ? pick(s, ['a', 'b', '-1', 'A']) : ''),
			zipCode: zipCode(s),
			city: pick(s, CITIES),
			countryCode: 'NL',
			primaryEmail: flat(pick(s, ['info', 'administratie', 'contact', 'facturen']), '@', domain),
			phone: chance(s, 0.7) ? `+316${digits(s, 8)}` : null,
			integration,
			integrationId: integration ? digits(s, 7) : null,
			customerGroups: [],
			createdAt: atom(at),
		};
	},
	customerGroups(s, o, at) {
		return { id: s.newId('cug_', 'customerGroups'), name: `${pick(s, GROUPS)}${chance(s, 0.5) ? ` ${int(s, 2019, 2025)}` : ''}`, createdAt: atom(at) };
	},
	agreements(s, o, at) {
		const id = s.newId('agr_', 'agreements');
		const signed = chance(s, 0.6);
		const signedAt = atom(at + int(s, 1, 72) * HOUR);
		const signer = person(s);
		const signerSignature = SIGNATURE_PNG;
		const name = `${pick(s, AGREEMENTS)} ${int(s, 2023, 2025)}`;
		const signers = Array.from({ length: int(s, 1, 2) }, () => {
			const p = person(s);
			return {
				id: s.newId('ags_'),
				...p,
				email: emailFor(p.firstName, p.lastName, pick(s, ['gmail.com', 'outlook.com', 'hotmail.nl', 'ziggo.nl'])),
				shouldIdentify: chance(s, 0.3),
				signature: signed ? SIGNATURE_PNG : null,
				signatureHash: signed ? sha256(SIGNATURE_PNG + signedAt) : null,
				signedAt: signed ? signedAt : null,
			};
		});
		const documents = Array.from({ length: int(s, 1, 2) }, (_, i) => {
			const documentName = i === 0 ? `${slug(name).slice(0, 30)}.pdf` : 'bijlage-algemene-voorwaarden.pdf';
			const docId = s.newId('agd_');
			s.documentOwners.set(docId, id);
			const data = tinyPdf([name, documentName]);
			return { id: docId, documentName, fileSize: data.length, fileHash: sha256(data) };
		});
		return {
			id, name, status: signed ? 'signed' : 'sent',
			signerName: `${signer.firstName} ${signer.lastName}`,
			signerSignature,
			signerSignatureHash: sha256(signerSignature + atom(at)),
			signers, documents, createdAt: atom(at),
		};
	},
	appointments(s, o, at) {
		const customerId = ref(s, o, 'customerId', 'customers', 0.3);
		const customer = customerId && s.collection('customers').get(customerId);
		const p = person(s);
		// Spread around "now" (-30 … +60 days), on business hours in half-hour slots.
		const day = new Date(s.now() + int(s, -30, 60) * DAY);
		// An overridden startsAt (ATOM) wins, so the list filter (by _startsAtMs) agrees with it.
		const startMs = o.startsAt ? Date.parse(o.startsAt) : fromLocal(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), int(s, 9, 16), pick(s, [0, 30]));
		const endMs = startMs + pick(s, [30, 60, 60, 90]) * 60_000;
		return {
			id: s.newId('apt_', 'appointments'),
			customerId,
			attendeeName: customer ? customer.companyName : `${p.firstName} ${p.lastName}`,
			attendeeEmail: customer ? customer.primaryEmail : emailFor(p.firstName, p.lastName, 'gmail.com'),
			startsAt: atom(startMs),
			endsAt: atom(endMs),
			status: pick(s, ['scheduled', 'scheduled', 'scheduled', 'pending', 'canceled']),
			onlineMeetingLink: chance(s, 0.4) ? `https://meet.google.com/${slug(s.newId('')).slice(0, 3)}-${slug(s.newId('')).slice(0, 4)}-${slug(s.newId('')).slice(0, 3)}` : null,
			createdAt: atom(Math.min(at, startMs - HOUR)),
			_name: pick(s, APPOINTMENTS),
			_startsAtMs: startMs,
		};
	},
	customerInvoices(s, o, at) {
		const paid = chance(s, 0.6);
		return {
			id: s.newId('inv_', 'customerInvoices'),
			customerId: ref(s, o, 'customerId', 'customers'),
			invoiceNumber: `${date(at).slice(0, 4)}-${String(s.collection('customerInvoices').size + 1).padStart(5, '0')}`,
			issuedAt: date(at),
			currency: 'EUR',
			amount: money(amountCents(s, 25, 2500)),
			paidAt: paid ? atom(at + int(s, 1, 30) * DAY + int(s, 0, 36_000) * 1000) : null,
			createdAt: atom(at),
			_seededPdf: true,
		};
	},
	customerOffers(s, o, at) {
		const outcome = pick(s, ['accepted', 'accepted', 'rejected', 'open', 'open']);
		const decidedAt = atom(at + int(s, 1, 14) * DAY);
		const accepted = outcome === 'accepted';
		return {
			id: s.newId('off_', 'customerOffers'),
			customerId: ref(s, o, 'customerId', 'customers'),
			offerNumber: `OFF-${date(at).slice(0, 4)}-${String(s.collection('customerOffers').size + 1).padStart(4, '0')}`,
			issuedAt: date(at),
			expiresAt: addToDate(date(at), 30, 'days'),
			currency: 'EUR',
			amount: money(amountCents(s, 100, 15000)),
			acceptedAt: accepted ? decidedAt : null,
			acceptedViaIp: accepted ? `${int(s, 77, 94)}.${int(s, 0, 255)}.${int(s, 0, 255)}.${int(s, 1, 254)}` : null,
			acceptedViaUserAgent: accepted ? USER_AGENT : null,
			acceptanceSignature: accepted ? SIGNATURE_PNG : null,
			rejectedAt: outcome === 'rejected' ? decidedAt : null,
			createdAt: atom(at),
			_seededPdf: true,
		};
	},
	customerSubscriptionPackages(s) {
		const [name, description] = pick(s, PACKAGES);
		return {
			id: s.newId('spg_', 'customerSubscriptionPackages'),
			name, description,
			interval: pick(s, INTERVALS),
			currency: 'EUR',
			amount: money(amountCents(s, 5, 250)),
			vatRate: pick(s, VAT),
			availableForSale: chance(s, 0.7),
		};
	},
	customerSubscriptions(s, o, at) {
		const today = date(s.now());
		const kind = pick(s, ['in_progress', 'in_progress', 'in_progress', 'in_progress', 'planned', 'terminated', 'ended']);
		const startsAt = kind === 'planned' ? addToDate(today, int(s, 1, 60), 'days') : date(at);
		const interval = pick(s, INTERVALS);
		const createInvoice = chance(s, 0.5);
		const createPayment = chance(s, 0.4);
		const terminatedAt = kind === 'terminated' ? s.now() + int(s, 1, 90) * DAY : kind === 'ended' ? s.now() - int(s, 1, 90) * DAY : null;
		const description = pick(s, PACKAGES)[0];
		return {
			id: s.newId('sub_', 'customerSubscriptions'),
			customerId: ref(s, o, 'customerId', 'customers'),
			description,
			startsAt,
			interval,
			renewsAt: kind === 'ended' ? null : nextRenewal(startsAt, interval, today),
			currency: 'EUR',
			amount: money(amountCents(s, 5, 250)),
			vatRate: pick(s, VAT),
			status: kind,
			options: {
				createInvoice,
				createPayment,
				invoiceDescription: createInvoice ? description : null,
				paymentIntegration: createPayment ? 'mollie' : null,
				paymentIntegrationMandateId: createPayment ? s.newId('mdt_') : null,
				followUpFailedPayment: createPayment && chance(s, 0.5),
			},
			terminatedAt: terminatedAt === null ? null : atom(terminatedAt),
			createdAt: atom(at),
		};
	},
	files(s, o, at) {
		const isDir = o.type ? o.type === 'directory' : chance(s, 0.2);
		const parent = parentDirectory(s, o);
		if (isDir) {
			return { id: s.newId('fsd_', 'files'), type: 'directory', name: pick(s, DIRECTORIES), size: null, mime: null, fileShareId: null, createdAt: atom(at), _parentId: parent };
		}
		const [base, ext] = pick(s, FILES);
		const record = {
			id: s.newId('fsf_', 'files'), type: 'file', name: `${base} ${int(s, 1, 250)}.${ext}`, size: 0, mime: MIMES[ext],
			fileShareId: null, createdAt: atom(at), _parentId: parent, _seeded: true,
		};
		record.size = seededFileBytes(record).length;
		return record;
	},
	fileRequests(s, o, at) {
		const customerId = ref(s, o, 'customerId', 'customers', 0.4);
		const completed = chance(s, 0.3);
		const dir = o.directoryId !== undefined ? o.directoryId : chance(s, 0.5) ? randomDirectory(s) : null;
		return {
			id: s.newId('frq_', 'fileRequests'),
			name: `Documenten ${pick(s, ['hypotheekaanvraag', 'belastingaangifte', 'intake', 'jaarafsluiting', 'verhuizing'])}`,
			description: chance(s, 0.7) ? 'Wil je de onderstaande documenten uploaden? Alvast bedankt!' : null,
			directoryId: dir,
			customerId,
			requestedFiles: Array.from({ length: int(s, 1, 3) }, () => {
				const [name, description] = pick(s, REQUESTED);
				return { id: s.newId('fqf_'), name, description, required: chance(s, 0.7), maxFileSize: 10240, uploadedFileId: completed ? s.newId('fsf_') : null };
			}),
			completedAt: completed ? atom(at + int(s, 1, 10) * DAY) : null,
			createdAt: atom(at),
		};
	},
	fileShares(s, o, at) {
		const id = s.newId('fss_', 'fileShares');
		const content = o._content || Array.from({ length: int(s, 1, 3) }, () => pickRecord(s, 'files').id);
		const unique = [...new Set(content)];
		for (const fileId of unique) {
			const file = s.collection('files').get(fileId);
			if (file) file.fileShareId = id;
		}
		return { id, sharedWithCustomerId: ref(s, o, 'sharedWithCustomerId', 'customers', 0.4), createdAt: atom(at), _content: unique };
	},
	mkpInvoices(s, o, at) {
		const issued = new Date(at);
		const issuedMidnight = Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth(), issued.getUTCDate());
		const lines = Array.from({ length: int(s, 1, 3) }, (_, i) => {
			const quantity = i === 0 ? 1 : int(s, 1, 5);
			const unit = i === 0 ? pick(s, [2900, 4900, 9900]) : pick(s, [500, 995, 1500]);
			const excl = unit * quantity;
			const vat = Math.round(excl * 0.21);
			return {
				id: s.newId('fcl_'), description: i === 0 ? MKP_LINES[0] : pick(s, MKP_LINES.slice(1)), quantity, currency: 'EUR',
				amountExclVat: excl / 100, vatRate: 21, vatAmount: vat / 100, amountInclVat: (excl + vat) / 100,
			};
		});
		const sum = (k) => Math.round(lines.reduce((n, l) => n + Math.round(l[k] * 100), 0)) / 100;
		return {
			id: s.newId('fac_', 'mkpInvoices'),
			invoiceNumber: `MKP-${issued.getUTCFullYear()}.${String(s.collection('mkpInvoices').size + 1).padStart(4, '0')}`,
			lines, currency: 'EUR',
			subtotalAmount: sum('amountExclVat'), vatAmount: sum('vatAmount'), totalAmount: sum('amountInclVat'),
			issuedAt: isoZ(issuedMidnight),
			isPaid: issuedMidnight < s.now() - 14 * DAY || chance(s, 0.5),
		};
	},
	paymentLinks(s, o, at) {
		const id = o.id || s.newId('plk_', 'paymentLinks');
		const expiresDay = chance(s, 0.5) ? addToDate(date(at), int(s, 7, 120), 'days') : null;
		const expiresAt = expiresDay === null ? null : atom(endOfDay(expiresDay));
		const expired = expiresDay !== null && endOfDay(expiresDay) < s.now();
		const status = expired ? 'expired' : chance(s, 0.1) ? 'closed' : 'open';
		return {
			id, description: pick(s, LINKS), currency: 'EUR', amount: money(amountCents(s, 5, 500)),
			reusable: chance(s, 0.2), expiresAt, status,
			checkoutUrl: status === 'open' ? `https://demo.mijnklantportaal.nl/payment-link/${id}` : null,
			createdAt: atom(at),
		};
	},
	paymentLinkPayments(s, o, at) {
		const link = o.paymentLinkId ? s.collection('paymentLinks').get(o.paymentLinkId) : pickRecord(s, 'paymentLinks');
		let status = pick(s, ['paid', 'paid', 'paid', 'failed', 'expired']);
		if (link && status === 'paid') {
			if (link.status === 'closed' || (!link.reusable && link.status === 'paid')) status = 'canceled';
			else if (!link.reusable) Object.assign(link, { status: 'paid', checkoutUrl: null });
		}
		const p = person(s);
		return {
			id: s.newId('plp_', 'paymentLinkPayments'), paymentLinkId: link ? link.id : null, currency: 'EUR',
			amount: link ? link.amount : money(amountCents(s, 5, 500)), status,
			payersName: `${p.firstName[0]}. ${p.lastName}`, integration: 'mollie', integrationId: s.newId('tr_'),
			createdAt: atom(at),
		};
	},
	punchCards(s, o, at) {
		const [base, label] = pick(s, PUNCH);
		const punches = pick(s, [5, 10, 10, 12, 20]);
		const forSale = chance(s, 0.6);
		const expires = chance(s, 0.6);
		return {
			id: s.newId('pcd_', 'punchCards'), name: `${base} ${punches} ${label}`,
			description: chance(s, 0.6) ? `Geldig voor ${punches} ${label}.` : null,
			punches, punchLabel: label, forSale,
			price: forSale ? money(punches * pick(s, [1000, 1250, 1500, 2500])) : null,
			vatRate: forSale ? pick(s, VAT) : null,
			expiryValue: expires ? pick(s, [3, 6, 12, 1]) : null,
			expiryPeriode: expires ? pick(s, ['months', 'months', 'years', 'days']) : null,
			createdAt: atom(at),
		};
	},
	issuedPunchCards(s, o, at) {
		const card = o.punchCardId ? s.collection('punchCards').get(o.punchCardId) : pickRecord(s, 'punchCards');
		// Overridden expiresAt/punchesLeft feed the derived status and _expiresAtMs.
		const expiresMs = o.expiresAt !== undefined ? (o.expiresAt === null ? null : Date.parse(o.expiresAt)) : card ? punchCardExpiry(card, at) : null;
		const punchesLeft = o.punchesLeft ?? (card ? int(s, 0, card.punches) : 0);
		const status = punchesLeft === 0 ? 'fully_used' : expiresMs !== null && expiresMs <= s.now() ? 'expired' : 'active';
		return {
			id: s.newId('pcb_', 'issuedPunchCards'), punchCardId: card ? card.id : null,
			customerId: ref(s, o, 'customerId', 'customers'), punchesLeft, status,
			expiresAt: expiresMs === null ? null : atom(expiresMs), issuedAt: atom(at),
			_expiresAtMs: expiresMs,
		};
	},
	tickets(s, o, at) {
		const customerId = ref(s, o, 'customerId', 'customers', 0.2);
		const customer = customerId && s.collection('customers').get(customerId);
		const contact = person(s);
		const employee = person(s);
		let t = at;
		const messages = Array.from({ length: int(s, 1, 4) }, (_, i) => {
			const byCustomer = i % 2 === 0;
			t += int(s, 5, 600) * 60_000;
			return {
				id: s.newId('tim_'),
				postedBy: byCustomer ? (customer ? customer.companyName : `${contact.firstName} ${contact.lastName}`) : `${employee.firstName} ${employee.lastName}`,
				isPostedByCustomer: byCustomer,
				message: byCustomer ? MESSAGES[i === 0 ? 0 : 3] : MESSAGES[int(s, 1, 2)],
				postedAt: atom(t),
				attachments: byCustomer && chance(s, 0.2) ? [{ id: s.newId('tma_'), name: 'screenshot.png', size: int(s, 20_000, 900_000), mime: 'image/png' }] : [],
			};
		});
		return {
			id: s.newId('tic_', 'tickets'), customerId, title: pick(s, TICKETS),
			source: pick(s, ['portal', 'portal', 'email', 'chat']), status: chance(s, 0.5) ? 'open' : 'closed',
			createdAt: atom(at), messages,
		};
	},
	webhooks(s, o, at) {
		const type = o.type || pick(s, WEBHOOK_TYPES);
		// `.invalid` never resolves: seeded webhooks must not send deliveries anywhere real.
		return { id: s.newId('wbh_', 'webhooks'), type, url: `https://hooks.example.invalid/mkp/${type}`, secret: s.newId('') + s.newId(''), createdAt: atom(at) };
	},
};

/** Last second of an Amsterdam calendar day: date-only expiries are taken to include that day. */
function endOfDay(isoDate) {
	return parseDate(addToDate(isoDate, 1, 'days')) - 1000;
}

/** Expiry instant of a card issued at `issuedMs`, or null when the card never expires. */
function punchCardExpiry(card, issuedMs) {
	if (!card.expiryValue || !card.expiryPeriode) return null;
	const day = addToDate(date(issuedMs), card.expiryValue, card.expiryPeriode);
	return endOfDay(day);
}

function randomDirectory(s) {
	const files = s.collection('files').all();
	for (let tries = 0; tries < 5 && files.length; tries++) {
		const f = files[s.below(files.length)];
		if (f.type === 'directory') return f.id;
	}
	return null;
}

function parentDirectory(s, o) {
	if (o._parentId !== undefined) return o._parentId;
	return chance(s, 0.5) ? randomDirectory(s) : null;
}

function seededFileBytes(file) {
	const title = file.name.replace(/\.\w+$/, '');
	if (file.mime === 'application/pdf') return tinyPdf([title, `Bestand ${file.id}`]);
	if (file.mime === 'text/csv') return Buffer.from(`naam;bedrag;datum\n${title};12.95;${file.createdAt.slice(0, 10)}\n`);
	return Buffer.from(`${title}\n\nAangemaakt op ${file.createdAt}.\n`);
}

/** Bytes of a seeded record's file, derived from the record (see store.BlobMap). */
function seedBlob(s, id) {
	if (typeof id !== 'string') return undefined;
	if (id.startsWith('inv_') || id.startsWith('off_')) {
		const invoice = id.startsWith('inv_');
		const r = s.collection(invoice ? 'customerInvoices' : 'customerOffers').get(id);
		if (!r || !r._seededPdf) return undefined;
		const number = invoice ? r.invoiceNumber : r.offerNumber;
		return { data: tinyPdf([`${invoice ? 'Factuur' : 'Offerte'} ${number}`, `Datum ${r.issuedAt}`, `Totaal EUR ${r.amount}`]), filename: `${invoice ? 'factuur' : 'offerte'}-${number}.pdf`, mime: 'application/pdf' };
	}
	if (id.startsWith('fsf_')) {
		const file = s.collection('files').get(id);
		return file && file._seeded ? { data: seededFileBytes(file), filename: file.name, mime: file.mime } : undefined;
	}
	if (id.startsWith('agd_')) {
		const agreement = s.collection('agreements').get(s.documentOwners.get(id));
		const doc = agreement && agreement.documents.find((d) => d.id === id);
		return doc ? { data: tinyPdf([agreement.name, doc.documentName]), filename: doc.documentName, mime: 'application/pdf' } : undefined;
	}
	return undefined;
}

function build(s, name, overrides = {}, at = s.now()) {
	const builder = builders[name];
	if (!builder) throw new Error(`Unknown collection ${name}`);
	const record = builder(s, overrides, at);
	// Assigned afterwards (not spread into the literal): keeps the hot seeding path monomorphic.
	for (const key of Object.keys(overrides)) record[key] = overrides[key];
	return record;
}

const SPAN = 730 * DAY;
const NO_OVERRIDES = Object.freeze({});

/** `count` records with createdAt rising through the last two years (creation order = time order). */
function seed(s, name, count) {
	if (!builders[name]) throw new Error(`Unknown collection ${name}`);
	const collection = s.collection(name);
	const now = s.now();
	const step = SPAN / Math.max(count, 1);
	for (let i = 0; i < count; i++) {
		const at = Math.floor(now - SPAN + i * step + s.rng() * step * 0.9);
		collection.insert(builders[name](s, NO_OVERRIDES, at));
	}
	return count;
}

/**
 * Every collection of the store (it has a builder above), in seeding order. Order matters:
 * referenced collections first, so every reference points at an existing record.
 */
const SEED_ORDER = Object.freeze([
	'customers', 'customerGroups', 'customerSubscriptionPackages', 'customerSubscriptions', 'customerInvoices',
	'customerOffers', 'agreements', 'appointments', 'files', 'fileRequests', 'fileShares', 'mkpInvoices',
	'paymentLinks', 'paymentLinkPayments', 'punchCards', 'issuedPunchCards', 'tickets', 'webhooks',
]);

/** Collections whose records are also listed per parent (a sub-list's route pages them): name → parent-id field. */
const PARENT_FIELDS = Object.freeze({ issuedPunchCards: 'punchCardId', paymentLinkPayments: 'paymentLinkId' });

function seedAll(s, count) {
	const result = {};
	for (const name of SEED_ORDER) {
		result[name] = seed(s, name, count);
		if (name === 'customerGroups' && count) assignGroups(s);
	}
	return result;
}

/** About a third of the customers join one group, so `customerGroups` arrays are realistic. */
function assignGroups(s) {
	const groups = s.collection('customerGroups').all();
	for (const customer of s.collection('customers').all()) {
		if (chance(s, 0.33)) {
			const group = groups[s.below(groups.length)].id;
			if (!customer.customerGroups.includes(group)) customer.customerGroups.push(group);
		}
	}
}

module.exports = { build, seed, seedAll, seedBlob, tinyPdf, sha256, punchCardExpiry, endOfDay, SIGNATURE_PNG, SEED_ORDER, PARENT_FIELDS };
