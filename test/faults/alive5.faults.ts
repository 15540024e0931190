import { faultSuite } from './suite';

faultSuite('alive5');
