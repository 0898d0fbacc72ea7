// Test support: a small RFC 4180 parser for checking CSV output.

/** A small RFC 4180 parser (records of fields; quoted fields may hold quotes, commas, CR, LF). */
export function parseCsv(text: string): { fields: string[]; quoted: boolean[] }[] {
  const records: { fields: string[]; quoted: boolean[] }[] = [];
  let i = 0;
  while (i < text.length) {
    const rec = { fields: [] as string[], quoted: [] as boolean[] };
    for (;;) {
      let field = '';
      let quoted = false;
      if (text[i] === '"') {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quote');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in unquoted field`);
          field += text[i++];
        }
      }
      rec.fields.push(field);
      rec.quoted.push(quoted);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
      i += 2;
      break;
    }
    records.push(rec);
  }
  return records;
}
