// The voucher ledger and invoices (issue 12): buying a voucher batch, the batches and their codes
// with each code's holder and redemption, invoices with their number, lines and history, paying and
// voiding them. The fee schedule and a registration's payment stay in ./scheduling.ts.
import { Type, type Static } from 'typebox'
import { Code, Id, IsoDateTime, ModuleList, Nullable, PageOf, PageQueryWith, PrintableText, Strict, StringEnum } from './common.js'

export const MAX_BATCH_QUANTITY = 500

// ---- Voucher batches

export const BuyVoucherBatchBody = Type.Object({
  modules: ModuleList,
  quantity: Type.Integer({ minimum: 1, maximum: MAX_BATCH_QUANTITY }),
  organization: Type.Optional(PrintableText(200)),
  /** Staff only: the price of one voucher when the fee schedule has none (or staff agreed another). */
  unitPriceCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  /** The total the buyer saw; when given and the price changed meanwhile, the purchase is refused (409 PRICE_CHANGED). */
  expectedTotalCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 5_000_000_000 })),
  expiresAt: Type.Optional(IsoDateTime),
}, Strict)
export type BuyVoucherBatchBody = Static<typeof BuyVoucherBatchBody>

export const BUYER_KINDS = ['employer', 'center', 'staff', 'unknown'] as const
export const PRICE_SOURCES = ['schedule', 'staff', 'legacy'] as const
export const INVOICE_STATUSES = ['open', 'paid', 'void'] as const
export const InvoiceStatus = StringEnum(INVOICE_STATUSES)
// issue 13, training stream: a training enrolment's fee is an invoice's third subject.
export const INVOICE_SUBJECTS = ['registration', 'voucher_batch', 'enrolment'] as const
/** What a voucher pays for (issue 13): a registration, or one training subject (a Learning Lab seat, a course seat). */
export const VOUCHER_PURPOSES = ['registration', 'training'] as const

export const InvoiceRef = Type.Object({ id: Type.String(), number: Nullable(Type.String()), status: InvoiceStatus })
export type InvoiceRef = Static<typeof InvoiceRef>

export const VoucherBatchView = Type.Object({
  id: Type.String(),
  buyer: Type.Object({
    id: Nullable(Type.String()), kind: StringEnum(BUYER_KINDS), name: Type.String(), email: Type.String(), organization: Nullable(Type.String()),
  }),
  modules: Type.Array(Type.String()),
  quantity: Type.Integer(),
  redeemed: Type.Integer({ description: 'How many of its codes have paid for a registration' }),
  unitPriceCents: Type.Integer(),
  totalCents: Type.Integer(),
  currency: Type.String(),
  priceSource: StringEnum(PRICE_SOURCES),
  invoice: Nullable(InvoiceRef),
  createdAt: Type.String(),
  expiresAt: Nullable(Type.String()),
  purpose: StringEnum(VOUCHER_PURPOSES),
  /** A training batch's subject ("lab:MM", "course:<offering id>"): each of its codes pays one seat in it. */
  trainingSubject: Nullable(Type.String()),
})
export type VoucherBatchView = Static<typeof VoucherBatchView>

export const VoucherBatchesQuery = PageQueryWith({
  module: Type.Optional(Code),
  organization: Type.Optional(PrintableText(100)),
})
export type VoucherBatchesQuery = Static<typeof VoucherBatchesQuery>

export const VoucherBatchesPage = PageOf(VoucherBatchView)
export type VoucherBatchesPage = Static<typeof VoucherBatchesPage>

/** One code of a batch: who redeemed it (its holder) and for which registration and session. */
export const LedgerCodeView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: StringEnum(['available', 'redeemed', 'void'] as const),
  redeemedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
  holder: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  registrationId: Nullable(Type.String()),
  session: Nullable(Type.Object({ id: Type.String(), startsAt: Type.String(), centerName: Type.String(), timeZone: Nullable(Type.String()) })),
  /** The training enrolment a training code paid for (issue 13). */
  enrolmentId: Nullable(Type.String()),
})
export type LedgerCodeView = Static<typeof LedgerCodeView>

export const VoucherBatchDetail = Type.Object({ ...VoucherBatchView.properties, codes: Type.Array(LedgerCodeView) })
export type VoucherBatchDetail = Static<typeof VoucherBatchDetail>

// ---- Invoices

export const BillTo = Type.Object({ name: Type.String(), organization: Nullable(Type.String()), email: Type.String() })
export type BillTo = Static<typeof BillTo>

export const InvoiceListItem = Type.Object({
  id: Type.String(),
  number: Nullable(Type.String()),
  subject: StringEnum(INVOICE_SUBJECTS),
  registrationId: Nullable(Type.String()),
  voucherBatchId: Nullable(Type.String()),
  /** Set for a training enrolment's invoice (issue 13). */
  enrolmentId: Nullable(Type.String()),
  sessionId: Nullable(Type.String()),
  billTo: BillTo,
  /** The bill-to name, as the list of open invoices always had it. */
  candidate: Type.String(),
  email: Type.String(),
  amountCents: Type.Integer(),
  currency: Type.String(),
  status: InvoiceStatus,
  issuedAt: Type.String(),
  paidAt: Nullable(Type.String()),
})
export type InvoiceListItem = Static<typeof InvoiceListItem>

export const InvoicesQuery = PageQueryWith({
  status: Type.Optional(InvoiceStatus),
  subject: Type.Optional(StringEnum(INVOICE_SUBJECTS)),
  number: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' })),
})
export type InvoicesQuery = Static<typeof InvoicesQuery>

export const InvoicesPage = PageOf(InvoiceListItem)
export type InvoicesPage = Static<typeof InvoicesPage>

export const InvoiceLineView = Type.Object({ description: Type.String(), quantity: Type.Integer(), unitCents: Type.Integer(), amountCents: Type.Integer() })
export type InvoiceLineView = Static<typeof InvoiceLineView>

export const InvoiceEventView = Type.Object({
  kind: StringEnum(['issued', 'paid', 'voided'] as const), at: Type.String(), actor: Nullable(Type.String({ description: "The person's name; null for the system" })), note: Nullable(Type.String()),
})
export type InvoiceEventView = Static<typeof InvoiceEventView>

export const InvoiceDetail = Type.Object({
  ...InvoiceListItem.properties,
  lines: Type.Array(InvoiceLineView),
  history: Type.Array(InvoiceEventView),
  paymentReference: Nullable(Type.String()),
  voidReason: Nullable(Type.String()),
})
export type InvoiceDetail = Static<typeof InvoiceDetail>

export const MarkInvoicePaidBody = Type.Object({ paymentReference: Type.Optional(PrintableText(100)) }, Strict)
export type MarkInvoicePaidBody = Static<typeof MarkInvoicePaidBody>

export const VoidInvoiceBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]+$' }) }, Strict)
export type VoidInvoiceBody = Static<typeof VoidInvoiceBody>

export const InvoiceParams = Type.Object({ id: Id }, Strict)
