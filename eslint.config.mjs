// n8n's community-node rules, exactly as @n8n/node-cli configures them, over what ships.
import { config } from '@n8n/node-cli/eslint';

export default [{ ignores: ['dist/**', '.build/**', 'test/**', 'scripts/**', '*.js', 'node_modules/**'] }, ...config];
