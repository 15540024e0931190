import { faultSuite } from './suite';

faultSuite('liveAgent');
