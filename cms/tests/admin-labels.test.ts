import fs from 'fs';
import path from 'path';
import { startApp, TestApp } from './helpers/app';
import { adminToken } from './helpers/admin';
import adminApp, { PANEL_LOCALE } from '../src/admin/app';
import { ADMIN_LABELS } from '../src/admin-panel/labels';
import { applyAdminLabels, labelledConfiguration, labelProblems, resolveField, type PanelModel } from '../src/admin-panel/apply';

// the side panel is a React component of the browser bundle (checked in tests/browser/admin-panel.test.ts)
jest.mock('../src/admin/linked-records', () => ({ LinkedRecordsPanel: () => null }));

/** Issue 12, item 3: the operator's admin panel is in Chinese and readable. */
const CJK = /[\u3400-\u9fff]/;
const ROOT = path.resolve(__dirname, '..', '..');
const PLUGINS = path.join(ROOT, 'plugins');
// files of Strapi's packages that their `exports` do not list
const strapiFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

/** Every content type of the platform's plugins, read from the schema files (not from the labels). */
function pluginContentTypes(): { uid: string; displayName: string }[] {
  const found: { uid: string; displayName: string }[] = [];
  for (const dir of fs.readdirSync(PLUGINS)) {
    const types = path.join(PLUGINS, dir, 'server', 'content-types');
    if (!fs.existsSync(types)) continue;
    const plugin = JSON.parse(fs.readFileSync(path.join(PLUGINS, dir, 'package.json'), 'utf8')).strapi.name;
    for (const type of fs.readdirSync(types)) {
      const file = path.join(types, type, 'schema.json');
      if (!fs.existsSync(file)) continue;
      const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
      found.push({ uid: `plugin::${plugin}.${schema.info.singularName}`, displayName: schema.info.displayName });
    }
  }
  return found;
}

let app: TestApp;
let token: string;
const cmModel = (uid: string): PanelModel => app.strapi.plugin('content-manager').service('content-types').findContentType(uid);
const configuration = async (uid: string) => {
  const res = await app.http.get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data.contentType;
};
// a reference to another record by its number: `id`, or an integer field named like `supplierId`
const bareId = (model: PanelModel, name: string) => name === 'id' || (/Id$/.test(name) && model.attributes[name]?.type === 'integer');

beforeAll(async () => {
  app = await startApp();
  // a super admin, as the demo seed makes operator@demo.local
  token = await adminToken(app, 'labels@test.local');
});
afterAll(async () => { await app?.close(); });

describe('the admin panel in Chinese (issue 12.3)', () => {
  const types = pluginContentTypes();

  it('has Chinese text for every content type, field and enumeration code, and columns that exist', () => {
    expect(types.length).toBeGreaterThan(30);
    const problems = types.flatMap(({ uid }) => labelProblems(cmModel(uid), ADMIN_LABELS[uid]));
    problems.push(...labelProblems(cmModel('plugin::users-permissions.user'), ADMIN_LABELS['plugin::users-permissions.user']));
    expect(problems).toEqual([]);
    for (const { uid, displayName } of types) {
      // the left menu: Chinese only
      expect([uid, displayName, CJK.test(displayName) && !/[A-Za-z]/.test(displayName)]).toEqual([uid, displayName, true]);
      expect(app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes].info.displayName).toBe(displayName);
    }
  });

  it('serves the panel a configuration with a Chinese label for every field, readable columns and a main field', async () => {
    for (const uid of [...types.map((t) => t.uid), 'plugin::users-permissions.user']) {
      const model = cmModel(uid);
      const { settings, metadatas, layouts } = await configuration(uid);
      // documentId's list label is fixed by the content manager's controller
      for (const name of Object.keys(model.attributes).filter((n) => n !== 'documentId')) {
        const meta = metadatas[name];
        expect([uid, name, meta?.list?.label]).toEqual([uid, name, expect.stringMatching(CJK)]);
        if (meta.edit && Object.keys(meta.edit).length) {
          expect([uid, name, meta.edit.label]).toEqual([uid, name, expect.stringMatching(CJK)]);
          // every enumeration code is explained; a number pointing at another record says what it points at
          for (const code of model.attributes[name].enum ?? []) {
            const explained = new RegExp(`(^|[：；])${code} \\S*${CJK.source}`);
            expect([uid, name, meta.edit.description]).toEqual([uid, name, expect.stringMatching(explained)]);
          }
          if (bareId(model, name)) expect([uid, name, meta.edit.description]).toEqual([uid, name, expect.stringMatching(/（[^）]+）/)]);
        }
      }
      expect([uid, layouts.list.length > 1, bareId(model, layouts.list[0])]).toEqual([uid, true, false]);
      const mainField = resolveField(model, ADMIN_LABELS[uid].mainField);
      expect([uid, settings.mainField, bareId(model, settings.mainField)]).toEqual([uid, mainField, false]);
    }
    // what the operator sees on two screens, spelt out
    const enterprise = await configuration('plugin::identity.enterprise');
    expect(enterprise.metadatas.creditCode.edit.label).toBe('统一社会信用代码');
    expect(enterprise.layouts.list.slice(0, 3)).toEqual(['name', 'kind', expect.stringMatching(/^(status|state)$/)]);
    const rule = await configuration('plugin::incentives.incentive-rule');
    expect(rule.metadatas.method.edit.description).toContain('per_order 每单固定分值；per_unit 每件分值；basis_points 按金额');
    expect(rule.metadatas.supplierId.edit.description).toContain('供货方企业的编号（企业）');
    expect(rule.settings.mainField).toBe('name');
  });

  it('writes configurations Strapi\'s own validator accepts (what the panel\'s "configure the view" saves)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validator = require(strapiFile('@strapi/content-manager', 'dist/server/controllers/validation/model-configuration.js'));
    const service = app.strapi.plugin('content-manager').service('content-types');
    for (const uid of Object.keys(ADMIN_LABELS)) {
      const model = service.findContentType(uid);
      const { settings, metadatas, layouts } = await service.findConfiguration(model);
      await expect(validator(model).validate({ settings, metadatas, layouts }, { abortEarly: false, stripUnknown: true, strict: true }))
        .resolves.toBeDefined();
    }
  });

  it('is applied idempotently at every boot and puts back a label someone changed by hand', async () => {
    const uid = 'plugin::orders.order';
    const service = app.strapi.plugin('content-manager').service('content-types');
    const before = await configuration(uid);
    const stored = await service.findConfiguration(cmModel(uid));
    await service.updateConfiguration(cmModel(uid), {
      settings: stored.settings, layouts: { ...stored.layouts, list: ['id', 'number'] },
      metadatas: {
        ...stored.metadatas,
        number: { ...stored.metadatas.number, edit: { ...stored.metadatas.number.edit, label: 'number' } },
      },
    });
    expect((await configuration(uid)).metadatas.number.edit.label).toBe('number');
    await applyAdminLabels(app.strapi);
    await applyAdminLabels(app.strapi);
    expect(await configuration(uid)).toEqual(before);
  });

  it('a field nobody labelled is a problem the tests report, not a failed boot', () => {
    const model = cmModel('plugin::identity.enterprise');
    const grown: PanelModel = {
      ...model,
      attributes: { ...model.attributes, taxRegion: { type: 'string' }, level: { type: 'enumeration', enum: ['gold'] } },
    };
    expect(labelProblems(grown, ADMIN_LABELS[model.uid])).toEqual([
      'plugin::identity.enterprise.taxRegion: no label',
      'plugin::identity.enterprise.level: no label',
      'plugin::identity.enterprise.level: no meaning for code gold',
    ]);
    const metadatas = { taxRegion: { edit: { label: 'taxRegion' }, list: { label: 'taxRegion' } } };
    const current = { settings: {}, metadatas, layouts: { list: [], edit: [] } };
    expect(labelledConfiguration(grown, current, ADMIN_LABELS[model.uid]).metadatas.taxRegion.edit.label).toBe('taxRegion');
  });

  it('labels `status` and `state` alike (the attribute is being renamed)', () => {
    const model = cmModel('plugin::identity.enterprise');
    const field = model.attributes.status ? 'status' : 'state';
    const other = field === 'status' ? 'state' : 'status';
    const { [field]: attribute, ...rest } = model.attributes;
    const renamed: PanelModel = { ...model, attributes: { ...rest, [other]: attribute } };
    expect(labelProblems(renamed, ADMIN_LABELS[model.uid])).toEqual([]);
    const metadatas = { [other]: { edit: { label: other }, list: { label: other } } };
    const current = { settings: {}, metadatas, layouts: { list: [], edit: [] } };
    const labelled = labelledConfiguration(renamed, current, ADMIN_LABELS[model.uid]);
    expect(labelled.metadatas[other].edit).toMatchObject({ label: '状态', description: expect.stringContaining('active 正常；disabled 已停用') });
    expect(labelled.layouts.list).toContain(other);
  });
});

describe('the admin panel offers 简体中文 (issue 12.3)', () => {
  it('configures zh-Hans, which the Strapi admin ships a translation pack and a language name for', () => {
    expect(adminApp.config.locales).toEqual([PANEL_LOCALE]);
    expect(PANEL_LOCALE).toBe('zh-Hans');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pack = require(strapiFile('@strapi/admin', 'dist/admin/admin/src/translations/zh-Hans.json.js'));
    const messages = pack.default ?? pack;
    expect(Object.keys(messages).length).toBeGreaterThan(500);
    expect(messages['Auth.form.button.login']).toMatch(CJK);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { languageNativeNames } = require(strapiFile('@strapi/admin', 'dist/admin/admin/src/translations/languageNativeNames.js'));
    expect(languageNativeNames[PANEL_LOCALE]).toBe('中文 (简体)');
    // the content manager's own texts are translated too
    expect(fs.existsSync(strapiFile('@strapi/content-manager', 'dist/admin/translations/zh-Hans.json.js'))).toBe(true);
  });
});
