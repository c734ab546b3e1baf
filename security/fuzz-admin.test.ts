import { fuzzAs } from './fuzz-run.ts';

// The fuzzer's share of one actor (fuzz-run.ts): every route, generated bad inputs.
fuzzAs('admin');
