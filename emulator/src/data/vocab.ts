/** Word lists for realistic seeded data (a file-sharing SaaS, like PostHog's own demo "Hedgebox"). */

export const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
export const LAST_NAMES = ['Almeida', 'Brown', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Müller', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'];
export const COMPANIES: readonly (readonly [string, string])[] = [
  ['Acme Corp', 'acme.com'],
  ['Globex', 'globex.io'],
  ['Initech', 'initech.com'],
  ['Umbrella Labs', 'umbrella.dev'],
  ['Hooli', 'hooli.xyz'],
  ['Stark Industries', 'stark.co'],
  ['Wayne Enterprises', 'wayne.com'],
  ['Soylent', 'soylent.org'],
  ['Pied Piper', 'piedpiper.net'],
  ['Vandelay Imports', 'vandelay.com'],
];
export const FREE_MAIL = ['gmail.com', 'outlook.com', 'proton.me', 'yahoo.com'];
export const PLANS: readonly (readonly [string, number])[] = [
  ['free', 60],
  ['pro', 30],
  ['enterprise', 10],
];

export interface Device {
  browser: string;
  browserVersion: number;
  os: string;
  osVersion: string;
  deviceType: 'Desktop' | 'Mobile' | 'Tablet';
  lib: string;
  screenWidth: number;
  screenHeight: number;
}

export const DEVICE_TEMPLATES: readonly (readonly [Omit<Device, 'browserVersion'>, number])[] = [
  [{ browser: 'Chrome', os: 'Windows', osVersion: '10.0', deviceType: 'Desktop', lib: 'web', screenWidth: 1920, screenHeight: 1080 }, 30],
  [{ browser: 'Chrome', os: 'Mac OS X', osVersion: '14.5.0', deviceType: 'Desktop', lib: 'web', screenWidth: 1512, screenHeight: 982 }, 18],
  [{ browser: 'Safari', os: 'Mac OS X', osVersion: '14.5.0', deviceType: 'Desktop', lib: 'web', screenWidth: 1440, screenHeight: 900 }, 10],
  [{ browser: 'Firefox', os: 'Linux', osVersion: '', deviceType: 'Desktop', lib: 'web', screenWidth: 2560, screenHeight: 1440 }, 6],
  [{ browser: 'Microsoft Edge', os: 'Windows', osVersion: '10.0', deviceType: 'Desktop', lib: 'web', screenWidth: 1366, screenHeight: 768 }, 8],
  [{ browser: 'Mobile Safari', os: 'iOS', osVersion: '17.5', deviceType: 'Mobile', lib: 'web', screenWidth: 390, screenHeight: 844 }, 12],
  [{ browser: 'Chrome Mobile', os: 'Android', osVersion: '14', deviceType: 'Mobile', lib: 'web', screenWidth: 412, screenHeight: 915 }, 8],
  [{ browser: 'Safari', os: 'iOS', osVersion: '17.5', deviceType: 'Tablet', lib: 'web', screenWidth: 820, screenHeight: 1180 }, 3],
  [{ browser: '', os: 'iOS', osVersion: '17.5', deviceType: 'Mobile', lib: 'posthog-ios', screenWidth: 390, screenHeight: 844 }, 3],
  [{ browser: '', os: 'Android', osVersion: '14', deviceType: 'Mobile', lib: 'posthog-android', screenWidth: 412, screenHeight: 915 }, 2],
];

export const COUNTRIES: readonly (readonly [string, string, number])[] = [
  ['US', 'New York', 30],
  ['US', 'San Francisco', 10],
  ['GB', 'London', 12],
  ['DE', 'Berlin', 10],
  ['FR', 'Paris', 7],
  ['IN', 'Bengaluru', 8],
  ['BR', 'São Paulo', 6],
  ['JP', 'Tokyo', 5],
  ['CA', 'Toronto', 5],
  ['AU', 'Sydney', 4],
  ['NL', 'Amsterdam', 3],
];

export const REFERRERS: readonly (readonly [string, number])[] = [
  ['$direct', 40],
  ['www.google.com', 30],
  ['news.ycombinator.com', 6],
  ['twitter.com', 5],
  ['www.linkedin.com', 5],
  ['duckduckgo.com', 4],
  ['github.com', 5],
  ['www.bing.com', 5],
];

export const UTM: readonly (readonly [string, string, string])[] = [
  ['google', 'cpc', 'brand_search'],
  ['newsletter', 'email', 'spring_launch'],
  ['twitter', 'social', 'launch_week'],
  ['linkedin', 'paid_social', 'b2b_q2'],
];

/** Site map: path, page title, weight as a next page. */
export const PAGES: readonly (readonly [string, string, number])[] = [
  ['/', 'Hedgebox: your files, hedged', 20],
  ['/pricing', 'Pricing – Hedgebox', 10],
  ['/features', 'Features – Hedgebox', 7],
  ['/blog', 'Blog – Hedgebox', 5],
  ['/blog/secure-sharing', 'Secure sharing, explained – Hedgebox', 3],
  ['/signup', 'Sign up – Hedgebox', 5],
  ['/login', 'Log in – Hedgebox', 6],
  ['/files', 'My files – Hedgebox', 18],
  ['/files/shared', 'Shared with me – Hedgebox', 8],
  ['/products/pro-plan', 'Pro plan – Hedgebox', 5],
  ['/products/storage-addon', 'Storage add-on – Hedgebox', 4],
  ['/cart', 'Cart – Hedgebox', 3],
  ['/checkout', 'Checkout – Hedgebox', 2],
  ['/account/settings', 'Settings – Hedgebox', 4],
];

export const PRODUCTS: readonly (readonly [string, number])[] = [
  ['Pro plan', 12],
  ['Storage add-on 100GB', 4.99],
  ['Team seat', 9],
  ['Enterprise plan', 49],
];

export const SCREENS = ['Home', 'Files', 'Upload', 'Share', 'Settings', 'Paywall'];

export const CLICK_TARGETS: readonly (readonly [string, string])[] = [
  ['button', 'Upload file'],
  ['button', 'Share'],
  ['a', 'Pricing'],
  ['button', 'Sign up'],
  ['button', 'Add to cart'],
  ['a', 'Docs'],
  ['button', 'Download'],
  ['input', ''],
];
