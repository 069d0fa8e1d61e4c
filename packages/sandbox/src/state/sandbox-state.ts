import type { Rng } from "../engine/rng.js";
import type {
  AllocationRecord,
  BusinessPortfolio,
  EsCodeRecord,
  Partner,
  PhoneRecord,
  TemplateRecord,
  TokenRecord,
  WabaRecord,
} from "./types.js";

/** The customer the scenario is about: its portfolio, its current (source) WABA and its number. */
export interface CustomerRefs {
  businessId: string;
  sourceWabaId: string;
  phoneId: string;
  /** The old partner's portfolio (owner of the source WABA in `source-obo`). */
  oldPartnerBusinessId: string;
}

/** One webhook delivery (one POST body), kept for `GET /__sandbox/state` and tests. */
export interface WebhookAttempt {
  id: string;
  /** The first change's field. */
  field: string;
  /** Every change's field, in body order: one, or several when the `webhooks.batch` fault batches. */
  fields: string[];
  url: string | undefined;
  body: string;
  /**
   * One entry per try; `at` is the sandbox time the try was due (after a clock jump the tries due
   * in it run at once, in order, and keep their due times). `redelivery` marks the copy sent
   * after a 2xx by the `webhooks.redeliver` fault.
   */
  attempts: { at: number; status: number | "network-error"; redelivery?: true }[];
  /**
   * `not-subscribed`: Meta sends a field only to apps subscribed to it in the App Dashboard, and a
   * WABA's fields (all but `account_update`) only to apps subscribed to that WABA (facts §3.6).
   */
  state: "pending" | "delivered" | "failed" | "no-callback" | "not-subscribed";
}

/**
 * Meta's world as the sandbox holds it. Plain maps, so `GET /__sandbox/state` is a JSON dump.
 *
 * @example
 * const phone = state.phones.get(state.customer.phoneId);
 */
export class SandboxState {
  readonly businesses = new Map<string, BusinessPortfolio>();
  readonly wabas = new Map<string, WabaRecord>();
  readonly phones = new Map<string, PhoneRecord>();
  readonly templates = new Map<string, TemplateRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, EsCodeRecord>();
  readonly allocations = new Map<string, AllocationRecord>();
  readonly webhooks: WebhookAttempt[] = [];
  partner!: Partner;
  customer!: CustomerRefs;
  readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** A fresh numeric Graph id (15 or 16 digits), unique in this state. */
  newId(length = 15): string {
    for (;;) {
      const id = this.rng.digits(length);
      if (!this.kindOf(id)) return id;
    }
  }

  /** A token that looks like Meta's (`EAA...`). */
  newToken(): string {
    return `EAAG${this.rng.alnum(120)}`;
  }

  /** The node type of an id, for routing `/{id}` and `/{id}/{edge}`. */
  kindOf(
    id: string,
  ): "business" | "waba" | "phone" | "template" | "allocation" | "creditLine" | "app" | undefined {
    if (this.businesses.has(id)) return "business";
    if (this.wabas.has(id)) return "waba";
    if (this.phones.has(id)) return "phone";
    if (this.templates.has(id)) return "template";
    if (this.allocations.has(id)) return "allocation";
    if (this.partner && id === this.partner.creditLineId) return "creditLine";
    if (this.partner && id === this.partner.app.id) return "app";
    return undefined;
  }

  /** Templates of a WABA, oldest first. */
  templatesOf(wabaId: string): TemplateRecord[] {
    return [...this.templates.values()].filter((t) => t.wabaId === wabaId);
  }

  /** Numbers of a WABA, plus numbers on their way to it (pending migration). */
  phonesOf(wabaId: string): PhoneRecord[] {
    return [...this.phones.values()].filter(
      (p) => p.wabaId === wabaId || p.migration?.destWabaId === wabaId,
    );
  }

  /** Whether the WABA has at least one registered number (5,000/h instead of 200/h). */
  isActive(wabaId: string): boolean {
    return [...this.phones.values()].some((p) => p.wabaId === wabaId && p.status === "CONNECTED");
  }

  /** A JSON-ready copy of everything (tokens and PINs included: this is a test double). */
  toJSON(): Record<string, unknown> {
    return {
      partner: this.partner,
      customer: this.customer,
      businesses: [...this.businesses.values()],
      wabas: [...this.wabas.values()],
      phones: [...this.phones.values()],
      templates: [...this.templates.values()],
      tokens: [...this.tokens.values()],
      codes: [...this.codes.values()],
      allocations: [...this.allocations.values()],
      webhooks: this.webhooks,
    };
  }
}
