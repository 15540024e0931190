// One ledger file per run: the fault tests (in jest's workers) append to it, the reporter reads it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function () {
	const file = path.join(os.tmpdir(), `n8n-live-chat-faults-${process.pid}-${Date.now()}.jsonl`);
	fs.writeFileSync(file, '');
	process.env.FAULTS_LEDGER = file;
};
