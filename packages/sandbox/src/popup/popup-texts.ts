import type { EsStep } from "@wa-migrate/contracts";

/** Languages of the popup, picked by the SDK's locale path (`/de_DE/sdk.js` -> German). */
export type PopupLanguage = "en" | "de";

/** Every sentence the popup shows, per language. */
export interface PopupTexts {
  cancel: string;
  next: string;
  confirm: string;
  tryAgain: string;
  continueAnyway: string;
  stepOf: (index: number, total: number) => string;
  titles: Record<EsStep, string>;
  intros: Record<EsStep, (app: string) => string>;
  portfolioLegend: string;
  wabaLegend: string;
  createWaba: string;
  wabaName: string;
  displayName: string;
  category: string;
  phoneNumber: string;
  phoneHint: string;
  methodLegend: string;
  methodSms: string;
  methodVoice: string;
  moveWarning: (phone: string) => string;
  code: string;
  codeHint: (phone: string, code: string) => string;
  wrongCode: string;
  required: (field: string) => string;
  permissions: string[];
  finishing: string;
  finished: string;
  dialogError: string;
}

const en: PopupTexts = {
  cancel: "Cancel",
  next: "Next",
  confirm: "Confirm",
  tryAgain: "Try again",
  continueAnyway: "Continue",
  stepOf: (index, total) => `Step ${index} of ${total}`,
  titles: {
    BUSINESS_ACCOUNT_SELECTION: "Select your business portfolio",
    WABA_PHONE_PROFILE_PICKER: "Select a WhatsApp Business account",
    WHATSAPP_BUSINESS_PROFILE_SETUP: "Create a WhatsApp Business profile",
    PHONE_NUMBER_SETUP: "Add a phone number for WhatsApp",
    PHONE_NUMBER_VERIFICATION: "Verify your phone number",
    PERMISSIONS: "Review what you share",
  },
  intros: {
    BUSINESS_ACCOUNT_SELECTION: (app) =>
      `Choose the business portfolio that ${app} will work with, or create a new one.`,
    WABA_PHONE_PROFILE_PICKER: () =>
      "To move a phone number from another provider, create a new WhatsApp Business account.",
    WHATSAPP_BUSINESS_PROFILE_SETUP: () =>
      "This information is shown to your customers in WhatsApp.",
    PHONE_NUMBER_SETUP: () =>
      "Enter the business phone number you want to use with the WhatsApp Business Platform.",
    PHONE_NUMBER_VERIFICATION: () => "Enter the 6-digit code to confirm that you own this number.",
    PERMISSIONS: (app) => `${app} will be able to do the following with your WhatsApp account:`,
  },
  portfolioLegend: "Business portfolio",
  wabaLegend: "WhatsApp Business account",
  createWaba: "Create a new WhatsApp Business account",
  wabaName: "WhatsApp Business account name",
  displayName: "WhatsApp Business display name",
  category: "Category",
  phoneNumber: "Phone number",
  phoneHint: "Include the country code, for example +49 30 1234567.",
  methodLegend: "How do you want to receive your verification code?",
  methodSms: "Text message",
  methodVoice: "Phone call",
  moveWarning: (phone) =>
    `${phone} is already registered with a WhatsApp Business account. If you continue, it will be moved to the new WhatsApp Business account.`,
  code: "Verification code",
  codeHint: (phone, code) => `We sent a code to ${phone}. (Sandbox: the code is ${code}.)`,
  wrongCode: "The code you entered is not correct. Check the code and try again.",
  required: (field) => `Enter the ${field.toLowerCase()} to continue.`,
  permissions: [
    "Manage your WhatsApp accounts (whatsapp_business_management)",
    "Send and receive WhatsApp messages (whatsapp_business_messaging)",
  ],
  finishing: "Finishing setup. This window closes by itself.",
  finished: "You can close this window.",
  dialogError: "This login request cannot be completed",
};

const de: PopupTexts = {
  cancel: "Abbrechen",
  next: "Weiter",
  confirm: "Bestätigen",
  tryAgain: "Erneut versuchen",
  continueAnyway: "Fortfahren",
  stepOf: (index, total) => `Schritt ${index} von ${total}`,
  titles: {
    BUSINESS_ACCOUNT_SELECTION: "Business-Portfolio auswählen",
    WABA_PHONE_PROFILE_PICKER: "WhatsApp Business-Konto auswählen",
    WHATSAPP_BUSINESS_PROFILE_SETUP: "WhatsApp Business-Profil erstellen",
    PHONE_NUMBER_SETUP: "Telefonnummer für WhatsApp hinzufügen",
    PHONE_NUMBER_VERIFICATION: "Telefonnummer bestätigen",
    PERMISSIONS: "Freigaben prüfen",
  },
  intros: {
    BUSINESS_ACCOUNT_SELECTION: (app) =>
      `Wähle das Business-Portfolio, mit dem ${app} arbeiten soll, oder erstelle ein neues.`,
    WABA_PHONE_PROFILE_PICKER: () =>
      "Um eine Telefonnummer von einem anderen Anbieter zu übernehmen, erstelle ein neues WhatsApp Business-Konto.",
    WHATSAPP_BUSINESS_PROFILE_SETUP: () =>
      "Diese Angaben sehen deine Kundinnen und Kunden in WhatsApp.",
    PHONE_NUMBER_SETUP: () =>
      "Gib die geschäftliche Telefonnummer ein, die du mit der WhatsApp Business-Plattform nutzen möchtest.",
    PHONE_NUMBER_VERIFICATION: () =>
      "Gib den 6-stelligen Code ein, um zu bestätigen, dass dir diese Nummer gehört.",
    PERMISSIONS: (app) => `${app} kann mit deinem WhatsApp-Konto Folgendes tun:`,
  },
  portfolioLegend: "Business-Portfolio",
  wabaLegend: "WhatsApp Business-Konto",
  createWaba: "Neues WhatsApp Business-Konto erstellen",
  wabaName: "Name des WhatsApp Business-Kontos",
  displayName: "Anzeigename in WhatsApp Business",
  category: "Kategorie",
  phoneNumber: "Telefonnummer",
  phoneHint: "Mit Ländervorwahl, zum Beispiel +49 30 1234567.",
  methodLegend: "Wie möchtest du deinen Bestätigungscode erhalten?",
  methodSms: "SMS",
  methodVoice: "Anruf",
  moveWarning: (phone) =>
    `${phone} ist bereits bei einem WhatsApp Business-Konto registriert. Wenn du fortfährst, wird die Nummer in das neue WhatsApp Business-Konto verschoben.`,
  code: "Bestätigungscode",
  codeHint: (phone, code) =>
    `Wir haben einen Code an ${phone} gesendet. (Sandbox: Der Code ist ${code}.)`,
  wrongCode: "Der eingegebene Code ist nicht korrekt. Prüfe den Code und versuche es erneut.",
  required: (field) => `Gib „${field}“ ein, um fortzufahren.`,
  permissions: [
    "Deine WhatsApp-Konten verwalten (whatsapp_business_management)",
    "WhatsApp-Nachrichten senden und empfangen (whatsapp_business_messaging)",
  ],
  finishing: "Die Einrichtung wird abgeschlossen. Dieses Fenster schließt sich von selbst.",
  finished: "Du kannst dieses Fenster schließen.",
  dialogError: "Diese Anmeldung kann nicht abgeschlossen werden",
};

/**
 * The popup's texts in one language.
 *
 * @example
 * popupTexts("de").cancel; // "Abbrechen"
 */
export function popupTexts(language: PopupLanguage): PopupTexts {
  return language === "de" ? de : en;
}

/**
 * The popup's language for a Meta locale such as `de_DE` (anything not German is English).
 *
 * @example
 * languageOfLocale("de_DE"); // "de"
 */
export function languageOfLocale(locale: string | undefined): PopupLanguage {
  return locale?.toLowerCase().startsWith("de") ? "de" : "en";
}
