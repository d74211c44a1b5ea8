// JSON Schemas of @jellyfin/sdk's own model types (generated from its .d.ts files by
// ts-json-schema-generator), so every answer is checked against the types the SDK
// declares: a field with another type, or in another case (an unknown property), fails.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import Ajv from 'ajv';
import { createGenerator } from 'ts-json-schema-generator';

const require = createRequire(import.meta.url);

function generated(sdk) {
    const generator = createGenerator({
        path: path.join(sdk, 'lib/generated-client/models/index.d.ts'),
        type: '*',
        expose: 'export',
        topRef: true, // every exported type under definitions
        jsDoc: 'none',
        skipTypeCheck: true,
        additionalProperties: false, // a property the type does not declare is an error
    });
    return generator.createSchema('*');
}

// Generating takes ~10 s: kept beside the installed SDK, per SDK version.
function sdkSchema() {
    const sdk = path.dirname(require.resolve('@jellyfin/sdk/package.json'));
    const { version } = JSON.parse(fs.readFileSync(path.join(sdk, 'package.json'), 'utf8'));
    const cached = path.join(sdk, '..', '..', `.revenge-sdk-schema-${version}.json`);
    if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8'));
    const schema = generated(sdk);
    fs.writeFileSync(cached, JSON.stringify(schema));
    return schema;
}

export function sdkValidator() {
    const schema = sdkSchema();
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema, 'sdk');
    const check = (typeName, value) => {
        if (typeName === 'boolean') {
            if (typeof value !== 'boolean') throw new Error(`answer is no boolean: ${JSON.stringify(value)}`);
            return;
        }
        if (typeName.endsWith('[]')) {
            if (!Array.isArray(value)) throw new Error(`answer is no ${typeName}`);
            value.forEach((item) => check(typeName.slice(0, -2), item));
            return;
        }
        const validate = ajv.getSchema(`sdk#/definitions/${typeName}`);
        if (!validate) throw new Error(`the SDK has no type ${typeName}`);
        if (!validate(value)) {
            const errors = validate.errors.slice(0, 10)
                .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
            throw new Error(`answer is no ${typeName}:\n  ${errors.join('\n  ')}`);
        }
    };
    return check;
}
