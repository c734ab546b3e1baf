import { type DemoCourse, YT } from './demo-catalog.types.ts';

/** The demo academy's last three courses (the first three are in demo-catalog.data.ts). */
export const MORE_DEMO_COURSES: DemoCourse[] = [
  {
    title: 'Machine Learning Foundations',
    subtitle: 'From linear regression to decision trees, with scikit-learn and honest evaluation',
    category: 'data-and-ai',
    instructors: [1, 0],
    level: 'intermediate',
    language: 'en',
    priceMinor: 4_900,
    currency: 'USD',
    description: [
      'Machine learning is pattern finding with a scoreboard. This course explains the classic models, how to train them and, above all, how to tell whether they work.',
      'You will build models for price prediction and spam detection, and learn the mistakes that make a model look better than it is.',
    ],
    learn: [
      'Frame a problem as regression or classification',
      'Train and tune models with scikit-learn',
      'Evaluate honestly with train/test splits and cross-validation',
      'Explain a model’s predictions to non-specialists',
    ],
    requirements: ['Python and pandas basics', 'School-level algebra'],
    intro: YT.ml,
    sections: [
      {
        title: 'How machines learn',
        lessons: [
          { title: 'What a model is', type: 'video', minutes: 10, video: YT.ml, preview: true },
          {
            title: 'Features, labels and the data you need',
            type: 'text',
            minutes: 8,
            text: [
              'A feature is something you know when you make a prediction; a label is what you want to predict. Mixing them up is the most common beginner mistake.',
              'Before any model, ask: would I have this column at prediction time? If not, it is leaking the answer.',
            ],
          },
        ],
      },
      {
        title: 'Models',
        lessons: [
          { title: 'Linear regression', type: 'video', minutes: 18, video: YT.ml },
          { title: 'Logistic regression and classification', type: 'video', minutes: 17, video: YT.ml },
          { title: 'Decision trees and forests', type: 'video', minutes: 19, video: YT.ml },
        ],
      },
      {
        title: 'Evaluation',
        lessons: [
          { title: 'Train, validate, test', type: 'video', minutes: 12, video: YT.ml },
          { title: 'Project: a spam filter', type: 'video', minutes: 24, video: YT.ml },
        ],
      },
    ],
  },
  {
    title: 'UI Design Essentials with Figma',
    subtitle: 'Layout, colour, type and prototypes for apps people enjoy using',
    category: 'design',
    instructors: [0],
    level: 'beginner',
    language: 'en',
    priceMinor: 250_000,
    currency: 'PKR',
    description: [
      'Good interfaces are mostly good decisions about spacing, hierarchy and contrast. This course teaches those decisions and the Figma skills to carry them out.',
      'You will design a mobile banking app screen by screen and turn it into a clickable prototype.',
    ],
    learn: [
      'Use Figma frames, auto layout and components',
      'Build a colour and type system',
      'Design for accessibility and right-to-left languages',
      'Prototype and test a flow with real users',
    ],
    requirements: ['A free Figma account', 'No design experience needed'],
    intro: YT.figma,
    sections: [
      {
        title: 'Design basics',
        lessons: [
          { title: 'A tour of Figma', type: 'video', minutes: 8, video: YT.figma, preview: true },
          {
            title: 'Hierarchy, spacing and alignment',
            type: 'text',
            minutes: 7,
            text: [
              'The eye reads size first, then colour, then position. Decide what matters most on each screen and make only that thing big.',
              'Pick a spacing scale (4, 8, 16, 24, 32) and use nothing else: consistent gaps do more for polish than any colour.',
            ],
          },
        ],
      },
      {
        title: 'Designing the app',
        lessons: [
          { title: 'Components and variants', type: 'video', minutes: 15, video: YT.figma },
          { title: 'Colour, type and dark mode', type: 'video', minutes: 13, video: YT.figma },
          { title: 'Prototyping the payment flow', type: 'video', minutes: 16, video: YT.figma },
        ],
      },
    ],
  },
  {
    title: 'Freelancing: Start Your Online Business',
    subtitle: 'Find clients, price your work and get paid from abroad',
    category: 'business',
    instructors: [1],
    level: 'beginner',
    language: 'ur',
    priceMinor: 0,
    currency: 'PKR',
    description: [
      'Thousands of people in Pakistan earn from clients around the world. This course shows the path: choosing a service, building a portfolio, winning the first client and getting paid.',
      'It is practical and honest about the hard parts: rejection, pricing, and keeping clients happy.',
    ],
    learn: [
      'Choose a service you can sell',
      'Write proposals that win work',
      'Price your time and avoid under-charging',
      'Receive international payments legally',
    ],
    requirements: ['A skill you want to sell', 'A laptop and an internet connection'],
    intro: YT.business,
    sections: [
      {
        title: 'Getting ready',
        lessons: [
          {
            title: 'Is freelancing right for you?',
            type: 'video',
            minutes: 9,
            video: YT.business,
            preview: true,
          },
          {
            title: 'Building a portfolio with no clients',
            type: 'text',
            minutes: 6,
            text: [
              'Clients buy proof. With no clients yet, make the proof yourself: redesign a local shop’s page, analyse a public data set, write three sample articles.',
              'Show the problem, what you did and the result. Three strong samples beat ten weak ones.',
            ],
          },
        ],
      },
      {
        title: 'Winning and keeping clients',
        lessons: [
          { title: 'Proposals that get replies', type: 'video', minutes: 12, video: YT.business },
          { title: 'Pricing your work', type: 'video', minutes: 11, video: YT.business },
          { title: 'Getting paid from abroad', type: 'video', minutes: 10, video: YT.business },
          { title: 'Quiz: are you ready to freelance?', type: 'quiz', minutes: 5, quiz: 'freelancing' },
        ],
      },
    ],
  },
];
