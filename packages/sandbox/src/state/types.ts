import type {
  AccountReviewStatus,
  BusinessVerificationStatus,
  MessagingLimitTier,
  NameStatus,
  PlatformType,
  QualityRating,
  TemplateCategory,
  TemplateStatus,
} from "@wa-migrate/contracts";

// The sandbox's in-memory model of Meta. Field names follow Graph where Graph has a name for them,
// so `GET /__sandbox/state` reads like Meta's own objects.

/** A business portfolio (the customer's, the partner's, an old partner's). */
export interface BusinessPortfolio {
  id: string;
  name: string;
  verification_status: BusinessVerificationStatus;
}

/** The partner's Meta app. `callbackUrl` undefined = no default webhook callback configured. */
export interface PartnerApp {
  id: string;
  name: string;
  secret: string;
  callbackUrl: string | undefined;
  verifyToken: string;
  /** Fields of the app's `whatsapp_business_account` webhook subscription (App Dashboard > WhatsApp > Configuration). */
  subscribedFields: string[];
}

/** Login configuration ids per Embedded Signup version. */
export interface EsConfigIds {
  v2: string;
  v3: string;
  v4: string;
}

/** Everything a BFF needs to talk to the sandbox as the partner. */
export interface Partner {
  businessId: string;
  app: PartnerApp;
  systemUserId: string;
  systemToken: string;
  creditLineId: string;
  legalEntityName: string;
  configIds: EsConfigIds;
}

/** One app subscribed to a WABA's webhooks, with the WABA-level override if set. */
export interface Subscription {
  appId: string;
  overrideCallbackUri: string | undefined;
  verifyToken: string | undefined;
}

/** A user with tasks on a WABA (codegen `WhatsAppBusinessAccount` `assigned_users`). */
export interface AssignedUser {
  id: string;
  tasks: string[];
}

/** A WhatsApp Business Account. */
export interface WabaRecord {
  id: string;
  name: string;
  ownerBusinessId: string;
  /** Set when a partner owns the WABA on behalf of the customer (OBO). */
  onBehalfOfBusinessId: string | undefined;
  account_review_status: AccountReviewStatus;
  /**
   * Invoicing currency (facts §3.4). A new Embedded Signup account has none until a credit line
   * is attached with `waba_currency`; once set it is never changed by a share.
   */
  currency: string | undefined;
  timezone_id: string;
  message_template_namespace: string;
  primary_funding_id: string | undefined;
  hasPaymentMethod: boolean;
  subscriptions: Subscription[];
  /** Partner portfolios the customer shared the account with in Embedded Signup. */
  partnerBusinessIds: string[];
  /** Users given tasks on the account (`POST /{waba-id}/assigned_users`), e.g. a partner's system user. */
  assignedUsers: AssignedUser[];
  creationTime: number;
}

/** The programmatic or Embedded Signup migration in progress for a number. */
export interface PendingMigration {
  destWabaId: string;
  via: "embedded_signup" | "programmatic";
  /** Ownership confirmed (request_code + verify_code, or the popup's own verification). */
  ownershipVerified: boolean;
}

/** A business phone number (facts §3.12). */
export interface PhoneRecord {
  id: string;
  wabaId: string;
  cc: string;
  phoneNumber: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating: QualityRating;
  code_verification_status: "VERIFIED" | "NOT_VERIFIED" | "EXPIRED";
  name_status: NameStatus;
  new_name_status: NameStatus;
  /** The requested new display name while `new_name_status` is PENDING_REVIEW. */
  requestedName: string | undefined;
  status: string;
  platform_type: PlatformType;
  /** Undefined: Meta's answers leave the field out (it is optional in Meta's OpenAPI). */
  is_official_business_account: boolean | undefined;
  account_mode: "LIVE" | "SANDBOX";
  messagingLimit: MessagingLimitTier;
  throughputLevel: "STANDARD" | "HIGH" | "NOT_APPLICABLE";
  isTestNumber: boolean;
  twoStepEnabled: boolean;
  pin: string | undefined;
  /** Sandbox-ms times of register/deregister requests (10 per 72 h, facts §3.9). */
  registrationRequests: number[];
  /**
   * Set when a request went over the 10 per 72 h: until this sandbox-ms time register and
   * deregister answer 133016 (facts §3.9). Optional, so worlds built before it need no change.
   */
  registrationBlockedUntil?: number | undefined;
  lastOnboardedTime: number;
  dataLocalizationRegion: string | undefined;
  migration: PendingMigration | undefined;
  /** The last code sent by `request_code` (readable in `GET /__sandbox/state`, as an SMS would be). */
  verificationCode: string | undefined;
  /** The app's alternate callback for this number (`webhook_configuration`, facts §3.6). */
  webhookOverride?: { appId: string; callbackUri: string; verifyToken: string } | undefined;
}

/** A message template. */
export interface TemplateRecord {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  quality: { score: QualityRating; date: number };
  rejectedReason: string | undefined;
  components: { type: string; text?: string; format?: string }[];
  /** The template this one was copied from, when Meta duplicated it during a migration. */
  copiedFromId: string | undefined;
}

/** An access token with its granular scopes (target ids newest first). */
export interface TokenRecord {
  value: string;
  type: "USER" | "SYSTEM_USER";
  appId: string;
  userId: string;
  /** Sandbox-ms expiry; 0 = never. */
  expiresAt: number;
  scopes: string[];
  granularScopes: { scope: string; target_ids: string[] }[];
  /** Business that granted the token (the customer's portfolio for business tokens). */
  businessId: string;
}

/** A single-use Embedded Signup code (30 s, facts §1.4). */
export interface EsCodeRecord {
  code: string;
  appId: string;
  token: string;
  createdAt: number;
  usedAt: number | undefined;
  /**
   * The Login dialog's `redirect_uri` when it ran as a full page (manual login flow): the exchange
   * must repeat it exactly. Undefined for codes from `FB.login`'s popup, which need none (facts §3.1).
   */
  redirectUri: string | undefined;
}

/** A credit allocation created by `whatsapp_credit_sharing_and_attach`. */
export interface AllocationRecord {
  id: string;
  creditLineId: string;
  wabaId: string;
  receivingBusinessId: string;
  receivingCredentialId: string;
  /** Meta documents DELETED for a revoked allocation; ACTIVE for a live one is the sandbox's choice. */
  request_status: "ACTIVE" | "DELETED";
}
