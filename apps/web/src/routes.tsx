import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RootLayout } from './components/layout/RootLayout.tsx';
import { ProfilePage } from './features/account/ProfilePage.tsx';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { RegisterPage } from './features/auth/RegisterPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { VerifyCodePage } from './features/auth/VerifyCodePage.tsx';
import { CartPage } from './features/cart/CartPage.tsx';
import { CategoriesPage } from './features/catalog/CategoriesPage.tsx';
import { CoursePage } from './features/catalog/CoursePage.tsx';
import { CoursesPage } from './features/catalog/CoursesPage.tsx';
import { InstructorPage } from './features/catalog/InstructorPage.tsx';
import { CertificatePage } from './features/certificates/CertificatePage.tsx';
import { CheckoutPage } from './features/checkout/CheckoutPage.tsx';
import { CheckoutSuccessPage } from './features/checkout/CheckoutSuccessPage.tsx';
import { TestPayPage } from './features/checkout/TestPayPage.tsx';
import { AboutPage } from './features/content/AboutPage.tsx';
import { ContactPage } from './features/content/ContactPage.tsx';
import { FaqPage } from './features/content/FaqPage.tsx';
import { PrivacyPage } from './features/content/PrivacyPage.tsx';
import { TermsPage } from './features/content/TermsPage.tsx';
import { EarningsPage } from './features/earnings/EarningsPage.tsx';
import { ErrorPage } from './features/errors/ErrorPage.tsx';
import { NotFoundPage } from './features/errors/NotFoundPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { DashboardPage } from './features/learning/DashboardPage.tsx';
import { TodayVideosPage } from './features/learning/daily-videos/TodayVideosPage.tsx';
import { PlayerPage } from './features/learning/PlayerPage.tsx';
import { PlayerStartPage } from './features/learning/PlayerStartPage.tsx';
import { ManualPaymentPage } from './features/manual-payments/ManualPaymentPage.tsx';
import { PaymentStatusPage } from './features/manual-payments/PaymentStatusPage.tsx';
import { MyOrderPage } from './features/orders/MyOrderPage.tsx';
import { MyOrdersPage } from './features/orders/MyOrdersPage.tsx';
import { ProductPage } from './features/shop/ProductPage.tsx';
import { ShopPage } from './features/shop/ShopPage.tsx';
import { CourseEditorPage } from './features/studio/CourseEditorPage.tsx';
import { NewCoursePage } from './features/studio/NewCoursePage.tsx';
import { StudioProfilePage } from './features/studio/profile/StudioProfilePage.tsx';
import { StudioPage } from './features/studio/StudioPage.tsx';
import { StudentsPage } from './features/studio/students/StudentsPage.tsx';
import { WishlistPage } from './features/wishlist/WishlistPage.tsx';

/**
 * A page whose code is loaded when first visited (its own chunk): the admin panel's pages, which only
 * admins ever need. The server resolves it before rendering; `entry-client.tsx` before hydrating.
 */
function page<M>(load: () => Promise<M>, name: keyof M & string): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] as ComponentType }) };
}

/**
 * Every page of the web app. The same objects drive `createBrowserRouter` in the browser and
 * `createStaticHandler` on the server. No loaders: pages read TanStack Query, whose cache the server
 * seeds with the page's data (`AppState.queries`) on both sides, so the first client render matches
 * the server's HTML. `/courses/categories` is matched before `/courses/:slug` (static segments rank
 * higher), so no course may use the slug `categories`.
 */
export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    Component: RootLayout,
    ErrorBoundary: ErrorPage,
    children: [
      { index: true, Component: HomePage },
      { path: 'register', Component: RegisterPage },
      { path: 'verify-code', Component: VerifyCodePage },
      { path: 'login', Component: LoginPage },
      { path: 'forgot-password', Component: ForgotPasswordPage },
      { path: 'reset-password', Component: ResetPasswordPage },
      { path: 'profile', Component: ProfilePage },
      { path: 'studio/earnings', Component: EarningsPage },
      { path: 'certificates/:code', Component: CertificatePage },
      { path: 'courses', Component: CoursesPage },
      { path: 'courses/categories', Component: CategoriesPage },
      { path: 'courses/:slug', Component: CoursePage },
      { path: 'courses/:slug/learn', Component: PlayerStartPage },
      { path: 'courses/:slug/learn/today', Component: TodayVideosPage },
      { path: 'courses/:slug/learn/:lessonId', Component: PlayerPage },
      { path: 'dashboard', Component: DashboardPage },
      { path: 'checkout', Component: CheckoutPage },
      { path: 'checkout/test-pay/:ref', Component: TestPayPage },
      { path: 'checkout/success', Component: CheckoutSuccessPage },
      { path: 'dashboard/orders', Component: MyOrdersPage },
      { path: 'dashboard/orders/:number', Component: MyOrderPage },
      { path: 'instructors/:slug', Component: InstructorPage },
      { path: 'studio', Component: StudioPage },
      { path: 'studio/courses/new', Component: NewCoursePage },
      { path: 'studio/courses/:id', Component: CourseEditorPage },
      { path: 'studio/students', Component: StudentsPage },
      { path: 'studio/profile', Component: StudioProfilePage },
      { path: 'cart', Component: CartPage },
      { path: 'wishlist', Component: WishlistPage },
      { path: 'shop', Component: ShopPage },
      { path: 'shop/:slug', Component: ProductPage },
      { path: 'checkout/manual/:number', Component: ManualPaymentPage },
      { path: 'payment-status', Component: PaymentStatusPage },
      { path: 'about', Component: AboutPage },
      { path: 'contact', Component: ContactPage },
      { path: 'faq', Component: FaqPage },
      { path: 'privacy', Component: PrivacyPage },
      { path: 'terms', Component: TermsPage },
      {
        path: 'admin',
        ...page(() => import('./features/admin-panel/AdminLayout.tsx'), 'AdminLayout'),
        children: [
          {
            index: true,
            ...page(() => import('./features/admin-dashboard/DashboardPage.tsx'), 'DashboardPage'),
          },
          {
            path: 'announcements',
            ...page(
              () => import('./features/announcements/AdminAnnouncementsPage.tsx'),
              'AdminAnnouncementsPage',
            ),
          },
          { path: 'outbox', ...page(() => import('./features/admin/OutboxPage.tsx'), 'OutboxPage') },
          {
            path: 'operations',
            ...page(
              () => import('./features/admin-operations/AdminOperationsPage.tsx'),
              'AdminOperationsPage',
            ),
          },
          {
            path: 'users',
            ...page(() => import('./features/admin-users/AdminUsersPage.tsx'), 'AdminUsersPage'),
          },
          {
            path: 'users/:id',
            ...page(() => import('./features/admin-users/AdminUserPage.tsx'), 'AdminUserPage'),
          },
          {
            path: 'audit',
            ...page(() => import('./features/admin-audit/AdminAuditPage.tsx'), 'AdminAuditPage'),
          },
          {
            path: 'auth-events',
            ...page(() => import('./features/admin-audit/AdminAuthEventsPage.tsx'), 'AdminAuthEventsPage'),
          },
          {
            path: 'courses',
            ...page(() => import('./features/admin/AdminCoursesPage.tsx'), 'AdminCoursesPage'),
          },
          {
            path: 'certificates',
            ...page(
              () => import('./features/certificates/AdminCertificatesPage.tsx'),
              'AdminCertificatesPage',
            ),
          },
          {
            path: 'reviews',
            ...page(() => import('./features/reviews/AdminReviewsPage.tsx'), 'AdminReviewsPage'),
          },
          {
            path: 'orders',
            ...page(() => import('./features/admin-orders/AdminOrdersPage.tsx'), 'AdminOrdersPage'),
          },
          {
            path: 'orders/:number',
            ...page(() => import('./features/admin-orders/AdminOrderPage.tsx'), 'AdminOrderPage'),
          },
          {
            path: 'revenue',
            ...page(() => import('./features/earnings/AdminRevenuePage.tsx'), 'AdminRevenuePage'),
          },
          {
            path: 'coupons',
            ...page(
              () => import('./features/admin-commerce-settings/AdminCouponsPage.tsx'),
              'AdminCouponsPage',
            ),
          },
          {
            path: 'shipping',
            ...page(
              () => import('./features/admin-commerce-settings/AdminShippingPage.tsx'),
              'AdminShippingPage',
            ),
          },
          {
            path: 'taxes',
            ...page(() => import('./features/admin-commerce-settings/AdminTaxesPage.tsx'), 'AdminTaxesPage'),
          },
          {
            path: 'products',
            ...page(() => import('./features/admin-shop/AdminProductsPage.tsx'), 'AdminProductsPage'),
          },
          {
            path: 'products/new',
            ...page(() => import('./features/admin-shop/ProductEditorPage.tsx'), 'NewProductPage'),
          },
          {
            path: 'products/:id',
            ...page(() => import('./features/admin-shop/ProductEditorPage.tsx'), 'ProductEditorPage'),
          },
          {
            path: 'product-categories',
            ...page(
              () => import('./features/admin-shop/AdminProductCategoriesPage.tsx'),
              'AdminProductCategoriesPage',
            ),
          },
          {
            path: 'product-reviews',
            ...page(
              () => import('./features/admin-shop/AdminProductReviewsPage.tsx'),
              'AdminProductReviewsPage',
            ),
          },
          {
            path: 'payments',
            ...page(() => import('./features/admin-payments/AdminPaymentsPage.tsx'), 'AdminPaymentsPage'),
          },
          {
            path: 'content',
            ...page(() => import('./features/admin-content/AdminContentPage.tsx'), 'AdminContentPage'),
          },
          {
            path: 'team',
            ...page(() => import('./features/admin-content/AdminTeamPage.tsx'), 'AdminTeamPage'),
          },
          { path: 'faq', ...page(() => import('./features/admin-content/AdminFaqPage.tsx'), 'AdminFaqPage') },
          {
            path: 'messages',
            ...page(() => import('./features/admin-content/AdminMessagesPage.tsx'), 'AdminMessagesPage'),
          },
          {
            path: 'payment-accounts',
            ...page(() => import('./features/admin-payments/PaymentAccountsPage.tsx'), 'PaymentAccountsPage'),
          },
          {
            path: 'backups',
            ...page(() => import('./features/admin-backups/AdminBackupsPage.tsx'), 'AdminBackupsPage'),
          },
          { path: 'jobs', ...page(() => import('./features/admin-jobs/AdminJobsPage.tsx'), 'AdminJobsPage') },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
];
