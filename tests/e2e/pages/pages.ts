import type { Page } from 'playwright-core';

/** The sign-in page (/masuk). */
export class SignInPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/masuk`);
    await this.page.getByLabel('Nama pengguna').waitFor();
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel('Nama pengguna').fill(username);
    await this.page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }
}

/** The signed-in shell: header, navigation, language switch, user menu. */
export class AppShell {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  navigation() {
    return this.page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });
  }

  async navigationLinks(): Promise<string[]> {
    const nav = this.navigation();
    await nav.waitFor();
    return (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  async go(link: string) {
    await this.navigation().getByRole('link', { name: link, exact: true }).click();
  }

  async switchLanguage(to: 'Bahasa Indonesia' | 'English') {
    await this.page.getByRole('button', { name: /^(Bahasa|Language)$/ }).click();
    await this.page.getByRole('menuitem', { name: to }).click();
    // The menu fades out; a page check run during the fade sees a half-removed menu.
    await this.page.getByRole('menu').waitFor({ state: 'detached' });
  }

  async signOut(name: RegExp = /Menu pengguna|User menu/) {
    await this.page.getByRole('button', { name }).click();
    await this.page.getByRole('menuitem', { name: /^(Keluar|Sign out)$/ }).click();
  }
}

/** The change-password page, forced after an administrator set the password. */
export class ChangePasswordPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async change(current: string, next: string) {
    await this.page.getByLabel('Kata sandi saat ini').fill(current);
    await this.page.getByLabel('Kata sandi baru', { exact: true }).fill(next);
    await this.page.getByLabel('Ulangi kata sandi baru').fill(next);
    await this.page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  }
}

/** User administration: the list and the create page. */
export class UsersPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async create(user: {
    username: string;
    fullName: string;
    organization: string;
    role: string;
    password: string;
  }) {
    await this.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await this.page.getByLabel('Nama pengguna').fill(user.username);
    await this.page.getByLabel('Nama lengkap').fill(user.fullName);
    await this.page.getByLabel('Organisasi', { exact: true }).click();
    await this.page.getByRole('option', { name: user.organization, exact: true }).click();
    await this.page.getByLabel('Peran', { exact: true }).click();
    await this.page.getByRole('option', { name: user.role }).click();
    await this.page.keyboard.press('Escape');
    await this.page.getByLabel('Kata sandi awal').fill(user.password);
    await this.page.getByRole('button', { name: 'Buat pengguna' }).click();
  }
}
