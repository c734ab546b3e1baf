/** The demo academy's catalog: four categories, six courses, taught by the two demo instructors. */

import { MORE_DEMO_COURSES } from './demo-catalog.data-2.ts';
import { type DemoCourse, YT } from './demo-catalog.types.ts';

export type { DemoCourse, DemoLesson } from './demo-catalog.types.ts';

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
          { title: 'Quiz: pandas basics', type: 'quiz', minutes: 10, quiz: 'pandas' },
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
  ...MORE_DEMO_COURSES,
];
