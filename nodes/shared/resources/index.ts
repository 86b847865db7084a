import type { ResourceSpec } from '../spec';
import { agreement } from './agreement';
import { appointment } from './appointment';
import { customer } from './customer';
import { customerGroup } from './customerGroup';
import { customerInvoice } from './customerInvoice';
import { customerOffer } from './customerOffer';
import { customerSubscription } from './customerSubscription';
import { customerSubscriptionPackage } from './customerSubscriptionPackage';
import { file } from './file';
import { fileRequest } from './fileRequest';
import { fileShare } from './fileShare';
import { mkpInvoice } from './mkpInvoice';
import { paymentLink } from './paymentLink';
import { punchCard } from './punchCard';
import { ticket } from './ticket';
import { webhook } from './webhook';

/** Every resource, in alphabetical order of `name`. */
export const resources: ResourceSpec[] = [
	agreement,
	appointment,
	customer,
	customerGroup,
	customerInvoice,
	customerOffer,
	customerSubscription,
	customerSubscriptionPackage,
	file,
	fileRequest,
	fileShare,
	mkpInvoice,
	paymentLink,
	punchCard,
	ticket,
	webhook,
];
