import { faultSuite } from './suite';

faultSuite('fiveChat');
