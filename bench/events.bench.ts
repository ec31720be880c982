/** npm run bench -- events: the events benchmark is the check-in benchmark (bench/checkin.bench.ts). */
export { run } from './checkin.bench';
