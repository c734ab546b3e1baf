/** The demo academy's catalog: four categories, six courses, taught by the two demo instructors. */

export interface DemoLesson {
  title: string;
  type: 'video' | 'text';
  minutes: number;
  /** A YouTube link for video lessons. */
  video?: string;
  /** Paragraphs of a text lesson. */
  text?: string[];
  preview?: boolean;
}
export interface DemoCourse {
  title: string;
  subtitle: string;
  category: string;
  /** Index into the demo instructors; the first is the lead. */
  instructors: number[];
  level: 'beginner' | 'intermediate' | 'advanced';
  language: string;
  priceMinor: number;
  currency: 'PKR' | 'USD';
  description: string[];
  learn: string[];
  requirements: string[];
  intro: string | null;
  sections: { title: string; lessons: DemoLesson[] }[];
}

export const DEMO_CATEGORIES = [
  {
    name: 'Web Development',
    slug: 'web-development',
    icon: 'code',
    colour: '#2563eb',
    description: 'Build websites and web apps, from the first HTML page to production React.',
  },
  {
    name: 'Data & AI',
    slug: 'data-and-ai',
    icon: 'chart',
    colour: '#7c3aed',
    description: 'Analyse data with Python and build your first machine-learning models.',
  },
  {
    name: 'Design',
    slug: 'design',
    icon: 'palette',
    colour: '#db2777',
    description: 'Interface and visual design: layout, colour, typography and prototyping.',
  },
  {
    name: 'Business',
    slug: 'business',
    icon: 'briefcase',
    colour: '#059669',
    description: 'Freelancing, marketing and running a small online business.',
  },
];

const YT = {
  js: 'https://www.youtube.com/watch?v=W6NZfCO5SIk',
  react: 'https://www.youtube.com/watch?v=SqcY0GlETPk',
  python: 'https://www.youtube.com/watch?v=rfscVS0vtbw',
  ml: 'https://www.youtube.com/watch?v=i_LwzRVP7bg',
  figma: 'https://www.youtube.com/watch?v=FTFaQWZBqQ8',
  business: 'https://www.youtube.com/watch?v=6QGzqLnvHGg',
};

export const DEMO_COURSES: DemoCourse[] = [
  {
    title: 'Modern JavaScript from Scratch',
    subtitle: 'Variables to async/await: the language of the web, explained step by step',
    category: 'web-development',
    instructors: [0],
    level: 'beginner',
    language: 'en',
    priceMinor: 0,
    currency: 'PKR',
    description: [
      'JavaScript runs in every browser and, with Node.js, on servers too. This course starts from nothing and ends with you writing small, tidy programs that fetch data from the internet.',
      'Every idea comes with a short exercise. By the end you will read other people’s code with confidence and know where to look when something breaks.',
    ],
    learn: [
      'Write programs with variables, functions, arrays and objects',
      'Use modern syntax: arrow functions, destructuring, modules',
      'Handle asynchronous work with promises and async/await',
      'Debug code with the browser developer tools',
    ],
    requirements: ['A computer with a modern browser', 'No programming experience needed'],
    intro: YT.js,
    sections: [
      {
        title: 'Getting started',
        lessons: [
          {
            title: 'Welcome and how this course works',
            type: 'video',
            minutes: 4,
            video: YT.js,
            preview: true,
          },
          {
            title: 'Setting up your editor',
            type: 'text',
            minutes: 6,
            text: [
              'Install Visual Studio Code, then open a new folder for the course. Create a file called index.html and another called app.js.',
              'Link the script from the page with a script tag at the end of the body, open the page in your browser and open the console with F12. Everything you log from app.js appears there.',
            ],
          },
          { title: 'Your first lines of JavaScript', type: 'video', minutes: 12, video: YT.js },
        ],
      },
      {
        title: 'The core language',
        lessons: [
          { title: 'Values, variables and types', type: 'video', minutes: 15, video: YT.js },
          { title: 'Functions and scope', type: 'video', minutes: 18, video: YT.js },
          {
            title: 'Arrays and objects in practice',
            type: 'text',
            minutes: 10,
            text: [
              'Arrays keep values in order; objects name them. Most real data is a mix of both: a list of orders, each with a customer, items and a total.',
              'Practise with map, filter and reduce: they replace most loops and make your intent obvious to the next reader.',
            ],
          },
        ],
      },
      {
        title: 'Talking to the internet',
        lessons: [
          { title: 'Promises and async/await', type: 'video', minutes: 16, video: YT.js },
          { title: 'Project: a weather widget with fetch', type: 'video', minutes: 22, video: YT.js },
        ],
      },
    ],
  },
  {
    title: 'React and TypeScript: Build Real Apps',
    subtitle: 'Components, hooks, forms and data fetching with types that catch bugs early',
    category: 'web-development',
    instructors: [1],
    level: 'intermediate',
    language: 'en',
    priceMinor: 499_900,
    currency: 'PKR',
    description: [
      'React is the most widely used library for building user interfaces, and TypeScript makes large React code bases safe to change.',
      'Together we build a task manager from an empty folder to a deployed app: components, state, forms with validation, server data and tests.',
    ],
    learn: [
      'Structure an app as small, typed components',
      'Manage state with hooks and lift it when it is shared',
      'Build accessible forms with validation',
      'Fetch and cache server data',
    ],
    requirements: ['Comfortable with JavaScript basics', 'Node.js 20 or newer installed'],
    intro: YT.react,
    sections: [
      {
        title: 'Foundations',
        lessons: [
          { title: 'Why React, why TypeScript', type: 'video', minutes: 7, video: YT.react, preview: true },
          { title: 'Creating the project with Vite', type: 'video', minutes: 11, video: YT.react },
          {
            title: 'Typing props and state',
            type: 'text',
            minutes: 9,
            text: [
              'Give every component a props type. Start strict: required fields are required, optional ones say so with a question mark.',
              'Let TypeScript infer state from its initial value, and name a union type when state can be in several shapes (loading, loaded, failed).',
            ],
          },
        ],
      },
      {
        title: 'Building the task manager',
        lessons: [
          { title: 'Lists, keys and rendering', type: 'video', minutes: 14, video: YT.react },
          { title: 'Forms and validation', type: 'video', minutes: 19, video: YT.react },
          { title: 'Fetching data from an API', type: 'video', minutes: 21, video: YT.react },
          { title: 'Shipping it', type: 'video', minutes: 12, video: YT.react },
        ],
      },
    ],
  },
  {
    title: 'Python for Data Analysis',
    subtitle: 'Clean, explore and visualise real data sets with pandas and matplotlib',
    category: 'data-and-ai',
    instructors: [0],
    level: 'beginner',
    language: 'en',
    priceMinor: 1_999,
    currency: 'USD',
    description: [
      'Spreadsheets run out of steam at a few hundred thousand rows. Python does not. This course teaches the pandas workflow analysts use every day.',
      'We work on public data: city weather, cricket scores and shop sales, and finish each section with a chart you could put in a report.',
    ],
    learn: [
      'Load CSV and Excel files into pandas',
      'Clean messy data: missing values, types, duplicates',
      'Group, aggregate and join tables',
      'Plot clear charts with matplotlib',
    ],
    requirements: ['Basic computer skills', 'Python 3 installed (we show how)'],
    intro: YT.python,
    sections: [
      {
        title: 'Python warm-up',
        lessons: [
          {
            title: 'Notebooks and your first cells',
            type: 'video',
            minutes: 9,
            video: YT.python,
            preview: true,
          },
          { title: 'Python essentials for analysts', type: 'video', minutes: 17, video: YT.python },
        ],
      },
      {
        title: 'Working with pandas',
        lessons: [
          { title: 'DataFrames and Series', type: 'video', minutes: 14, video: YT.python },
          {
            title: 'Cleaning a messy data set',
            type: 'text',
            minutes: 12,
            text: [
              'Real data arrives with blanks, typos and numbers stored as text. Look before you fix: df.info() and df.describe() tell you what you have.',
              'Fix types first, then decide per column whether a missing value means zero, unknown or a row to drop, and write that decision down.',
            ],
          },
          { title: 'Grouping and aggregating', type: 'video', minutes: 16, video: YT.python },
        ],
      },
      {
        title: 'Telling the story',
        lessons: [
          { title: 'Charts that make a point', type: 'video', minutes: 13, video: YT.python },
          { title: 'Project: a sales report', type: 'video', minutes: 20, video: YT.python },
        ],
      },
    ],
  },
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
        ],
      },
    ],
  },
];
