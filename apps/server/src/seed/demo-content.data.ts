import type { FaqEntryBody, SiteContentKey, TeamMemberBody } from '@9tangle/contracts';

/** The demo academy's site content: a Pakistani online academy's home banner, pages, team and FAQ. */

export const DEMO_SITE_CONTENT: Partial<Record<SiteContentKey, unknown>> = {
  'home.hero': {
    eyebrow: 'Online courses from Lahore to the world',
    title: 'Learn the skills Pakistan’s digital economy is hiring for',
    subtitle:
      'Practical courses in web development, design and freelancing, taught in English and Urdu by people who do the work every day. Pay by card, JazzCash, EasyPaisa or bank transfer.',
    ctas: [
      { label: 'Browse courses', href: '/courses' },
      { label: 'Questions? Read the FAQ', href: '/faq' },
    ],
    imageKey: null,
  },
  'contact.details': {
    email: 'hello@demo.9tangle.local',
    phone: '+92 42 3500 0000',
    whatsapp: '+92 300 0000000',
    address: 'Office 4, Second Floor, Arfa Software Technology Park\nFerozepur Road, Lahore 54000, Pakistan',
    hours: 'Monday to Saturday, 10:00–18:00 (PKT)',
    mapUrl: 'https://www.openstreetmap.org/?mlat=31.4757&mlon=74.3424#map=17/31.4757/74.3424',
    socials: [
      { label: 'YouTube', url: 'https://www.youtube.com/@9tangle' },
      { label: 'Facebook', url: 'https://www.facebook.com/9tangle' },
      { label: 'LinkedIn', url: 'https://www.linkedin.com/company/9tangle' },
    ],
  },
  'about.intro': {
    title: 'About 9tangle Academy',
    html: `<p>9tangle Academy started in 2019 as weekend workshops for students in Lahore who wanted to earn from their skills. Today it is an online academy with courses in web development, design, digital marketing and freelancing, followed by learners in every province of Pakistan and across the Gulf.</p>
<p>Every course is taught by a practitioner: someone who builds websites, runs campaigns or delivers client work for a living. Lessons are short, projects are real, and every student who finishes a course receives a certificate that employers can verify online.</p>
<h2>What we believe</h2>
<ul><li>Skills matter more than degrees, and they can be learned at any age.</li><li>A course should be affordable: we price in rupees and accept local payment methods.</li><li>Teaching in Urdu as well as English lets more people learn.</li></ul>`,
  },
  'legal.privacy': {
    title: 'Privacy policy',
    effectiveDate: '2026-01-01',
    html: `<p>This policy explains what personal data 9tangle Academy (“we”, “us”), Lahore, Pakistan, collects when you use our website and courses, why we collect it, and the choices you have.</p>
<h2>1. What we collect</h2>
<ul><li><strong>Account data:</strong> your name, email address and password (stored only as a secure hash).</li><li><strong>Learning data:</strong> the courses you enrol in, your progress, quiz results, reviews and certificates.</li><li><strong>Payment data:</strong> order details and, for bank transfers, JazzCash or EasyPaisa, the payment proof you upload. Card payments are handled by our payment providers; we never see or store your full card number.</li><li><strong>Technical data:</strong> your IP address, browser and the times you sign in, kept to secure your account and to stop abuse.</li><li><strong>Messages:</strong> what you send us through the contact form or by email.</li></ul>
<h2>2. Why we use it</h2>
<p>To provide your courses and certificates, to process payments and refunds, to answer your questions, to keep accounts secure (for example by detecting repeated failed sign-ins), and to meet our legal and tax obligations in Pakistan. We do not sell your personal data, and we do not use it for advertising by third parties.</p>
<h2>3. Who we share it with</h2>
<p>Only with the service providers that help us run the academy — payment processors, our email delivery service and our hosting provider — under agreements that protect your data, and with authorities when the law requires it. Instructors see the names and progress of the students in their own courses.</p>
<h2>4. How long we keep it</h2>
<p>Account and learning data are kept while your account is open. Order records are kept for the period required by tax law, then archived. You may ask us to delete or anonymise your account; orders are then kept without your name.</p>
<h2>5. Your rights</h2>
<p>You may ask for a copy of your data, ask us to correct it, or ask us to delete it, by writing to the address on our <a href="/contact">contact page</a>. We answer within 30 days.</p>
<h2>6. Security</h2>
<p>Connections to the site are encrypted, passwords are hashed, sensitive data is encrypted at rest, and administrators use two-factor authentication. No system is perfectly secure; we will tell you promptly if a breach affects your data.</p>
<h2>7. Changes</h2>
<p>We will post any change to this policy on this page and, for important changes, tell you by email before they take effect.</p>`,
  },
  'legal.terms': {
    title: 'Terms of use',
    effectiveDate: '2026-01-01',
    html: `<p>These terms govern your use of 9tangle Academy. By creating an account or buying a course you agree to them. They are governed by the laws of Pakistan, and the courts of Lahore have jurisdiction.</p>
<h2>1. Your account</h2>
<p>Keep your password to yourself; you are responsible for what is done with your account. One account is for one person: sharing a paid course with others is not allowed.</p>
<h2>2. Courses and access</h2>
<p>A course you buy is yours to follow for as long as the academy offers it, unless the course page states a shorter access period. Instructors may update lessons to keep them current.</p>
<h2>3. Payments and refunds</h2>
<p>Prices are shown in Pakistani rupees (or the currency shown at checkout) and include any applicable tax. Bank transfer, JazzCash and EasyPaisa payments are confirmed once we have checked your proof, usually within one working day. If a course is not for you, ask for a refund within 7 days of purchase and before completing more than 20% of it.</p>
<h2>4. Certificates</h2>
<p>A certificate shows that you completed a course on 9tangle. It is not a degree or a government-recognised qualification. Anyone can verify it with its code.</p>
<h2>5. Acceptable use</h2>
<p>Do not copy or redistribute course material, upload unlawful or harmful content, try to break into the service, or harass other learners or instructors. We may suspend accounts that do.</p>
<h2>6. Liability</h2>
<p>We work hard to keep the academy available and the courses accurate, but the service is provided as it is. To the extent the law allows, our liability is limited to the amount you paid for the course concerned.</p>
<h2>7. Contact</h2>
<p>Questions about these terms: write to us through the contact page.</p>`,
  },
};

export const DEMO_TEAM: TeamMemberBody[] = [
  {
    name: 'Ayesha Khan',
    role: 'Founder and lead instructor',
    bio: 'A full-stack developer for twelve years, Ayesha has built products for clients in Pakistan, the UK and the UAE. She founded 9tangle to teach the skills she wished someone had taught her.',
    links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/demo-ayesha-khan' }],
  },
  {
    name: 'Daniel Okafor',
    role: 'Design instructor',
    bio: 'Daniel leads design for a product studio and teaches interface design, accessibility and design systems.',
    links: [{ label: 'Portfolio', url: 'https://daniel.demo.9tangle.local' }],
  },
  {
    name: 'Fatima Noor',
    role: 'Student success and support',
    bio: 'Fatima answers your questions about courses, payments and certificates, in English and Urdu, six days a week.',
    links: [],
  },
];

export const DEMO_FAQ: FaqEntryBody[] = [
  {
    category: 'Courses',
    question: 'Do I need any experience to start?',
    answerHtml:
      '<p>No. Every course page lists what you need to know first; the beginner courses start from zero.</p>',
  },
  {
    category: 'Courses',
    question: 'How long do I have access to a course?',
    answerHtml:
      '<p>For as long as the academy offers it, unless the course page states a shorter period. You can learn at your own pace.</p>',
  },
  {
    category: 'Courses',
    question: 'Are the courses in English or Urdu?',
    answerHtml:
      '<p>Each course page shows its language. Many courses are taught in English with Urdu explanations, and the site itself is available in both languages.</p>',
  },
  {
    category: 'Payments',
    question: 'How can I pay?',
    answerHtml:
      '<p>By debit or credit card, PayPal, JazzCash, EasyPaisa or bank transfer. For JazzCash, EasyPaisa and bank transfers, upload a screenshot of your payment at checkout.</p>',
  },
  {
    category: 'Payments',
    question: 'How long does a bank transfer take to confirm?',
    answerHtml:
      '<p>We check payment proofs every working day, usually within a few hours. You get an email as soon as your course is unlocked.</p>',
  },
  {
    category: 'Payments',
    question: 'Can I get a refund?',
    answerHtml:
      '<p>Yes: ask within 7 days of purchase and before completing more than 20% of the course. See our <a href="/terms">terms of use</a>.</p>',
  },
  {
    category: 'Certificates',
    question: 'Will I get a certificate?',
    answerHtml:
      '<p>Yes. When you complete every lesson (and pass the quizzes, where a course has them), your certificate is issued at once and can be downloaded as a PDF.</p>',
  },
  {
    category: 'Certificates',
    question: 'Can an employer check my certificate?',
    answerHtml:
      '<p>Every certificate has a code and a public page where anyone can confirm it is genuine.</p>',
  },
];
