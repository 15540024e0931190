import { faultSuite } from './suite';

faultSuite('liveChat');
