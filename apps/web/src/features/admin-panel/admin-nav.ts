/**
 * The admin panel's navigation: every admin page, grouped as an operator thinks of the work. A new
 * admin page adds its link here (and its route in `routes.tsx`, under `admin`). Labels are i18n keys
 * of `en/admin-panel.json`.
 */
export interface AdminNavLink {
  to: string;
  label: string;
}
export interface AdminNavGroup {
  label: string;
  links: AdminNavLink[];
}

export const ADMIN_NAV: AdminNavGroup[] = [
  {
    label: 'adminPanel.nav.overview',
    links: [
      { to: '/admin', label: 'adminPanel.nav.dashboard' },
      { to: '/admin/operations', label: 'adminPanel.nav.operations' },
    ],
  },
  {
    label: 'adminPanel.nav.people',
    links: [
      { to: '/admin/users', label: 'adminPanel.nav.users' },
      { to: '/admin/audit', label: 'adminPanel.nav.audit' },
      { to: '/admin/auth-events', label: 'adminPanel.nav.authEvents' },
    ],
  },
  {
    label: 'adminPanel.nav.learning',
    links: [
      { to: '/admin/courses', label: 'adminPanel.nav.courses' },
      { to: '/admin/reviews', label: 'adminPanel.nav.courseReviews' },
      { to: '/admin/certificates', label: 'adminPanel.nav.certificates' },
    ],
  },
  {
    label: 'adminPanel.nav.sales',
    links: [
      { to: '/admin/orders', label: 'adminPanel.nav.orders' },
      { to: '/admin/payments', label: 'adminPanel.nav.payments' },
      { to: '/admin/payment-accounts', label: 'adminPanel.nav.paymentAccounts' },
      { to: '/admin/revenue', label: 'adminPanel.nav.revenue' },
      { to: '/admin/coupons', label: 'adminPanel.nav.coupons' },
    ],
  },
  {
    label: 'adminPanel.nav.shop',
    links: [
      { to: '/admin/products', label: 'adminPanel.nav.products' },
      { to: '/admin/product-categories', label: 'adminPanel.nav.productCategories' },
      { to: '/admin/product-reviews', label: 'adminPanel.nav.productReviews' },
      { to: '/admin/shipping', label: 'adminPanel.nav.shipping' },
      { to: '/admin/taxes', label: 'adminPanel.nav.taxes' },
    ],
  },
  {
    label: 'adminPanel.nav.site',
    links: [
      { to: '/admin/announcements', label: 'adminPanel.nav.announcements' },
      { to: '/admin/content', label: 'adminPanel.nav.content' },
      { to: '/admin/team', label: 'adminPanel.nav.team' },
      { to: '/admin/faq', label: 'adminPanel.nav.faq' },
      { to: '/admin/messages', label: 'adminPanel.nav.messages' },
    ],
  },
  {
    label: 'adminPanel.nav.platform',
    links: [
      { to: '/admin/backups', label: 'adminPanel.nav.backups' },
      { to: '/admin/jobs', label: 'adminPanel.nav.jobs' },
      { to: '/admin/outbox', label: 'adminPanel.nav.outbox' },
    ],
  },
];
