import assert from 'node:assert/strict';
import { DigipulsError } from '../../core/errors.js';
import { createUnitResolver } from '../../core/unit-mapping.js';
import { parseUnitMappingCsv } from '../../core/unit-mapping-csv.js';
import { usersFromGraphJson } from '../../graph/usage-reports/users-file.js';

describe('unit mapping for messy directories', () => {
  it('places people by an admin\'s mapping first, then by department as a path, else in "Unknown unit"', () => {
    const rules = parseUnitMappingCsv('\uFEFFdepartment;unit\r\nHJEMMETJ.  NORD;Helse og omsorg / Hjemmetjenesten / Nord\r\n');
    const resolve = createUnitResolver({ rules, useOfficeLocation: false });
    assert.deepEqual(resolve({ department: ' hjemmetj. nord ', officeLocation: null }), ['Helse og omsorg', 'Hjemmetjenesten', 'Nord']);
    assert.deepEqual(resolve({ department: 'Oppvekst > Fjordvik skole', officeLocation: null }), ['Oppvekst', 'Fjordvik skole']);
    assert.deepEqual(resolve({ department: null, officeLocation: 'Rådhuset' }), ['Unknown unit']);
    assert.deepEqual(createUnitResolver({ rules: [], useOfficeLocation: true })({ department: '', officeLocation: 'Rådhuset' }), ['Rådhuset']);
  });

  it('refuses a wrong mapping file whole, naming line and column', () => {
    const refused = (text: string) => {
      try {
        parseUnitMappingCsv(text, 'mapping.csv');
      } catch (error) {
        assert.ok(error instanceof DigipulsError);
        assert.equal(error.code, 'invalid_unit_mapping');
        return error.message;
      }
      assert.fail('accepted');
    };
    assert.match(refused('name,unit\nx,y\n'), /mapping\.csv, line 1, column 'department': the column is missing/);
    assert.match(refused('department\nx\n'), /column 'unit': the column is missing/);
    assert.match(refused('department,unit\nx,A / B\nX ,C\n'), /line 3, column 'department': 'X' is mapped already on line 2/);
    assert.match(refused('department,unit\nx,\n'), /line 2, column 'unit': is empty/);
    assert.match(refused('department,unit,source\nx,A,building\n'), /line 2, column 'source': 'building' is neither department nor office/);
    assert.match(refused('department,unit\n"x,A\n'), /not a readable CSV file/);
  });

  it('reads a users list saved from Graph, and refuses one that is not', () => {
    const users = usersFromGraphJson(JSON.stringify({ value: [{ id: '1', userPrincipalName: 'a@x.no', department: 'Oppvekst', accountEnabled: false }] }), 'users-1.json');
    assert.equal(users[0]!.accountEnabled, false);
    assert.throws(() => usersFromGraphJson('{"value": [', 'users-1.json'), /users-1\.json.*not valid JSON/);
    assert.throws(() => usersFromGraphJson('{"value": [{"id": "1"}]}', 'users-2.json'), /users-2\.json, column 'userPrincipalName': user 1 is not as Graph documents it/);
  });
});
