/** A plain table for one worksheet: a title row, a header row, then the rows. */
export interface SheetSpec {
  name: string;
  title: string;
  columns: { header: string; key: string; width: number }[];
  rows: Record<string, string | number | null>[];
}

/** One .xlsx with a sheet per spec. exceljs loads on first export only, so other actions start fast. */
export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '党员代办';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.columns = spec.columns.map(({ key, width }) => ({ key, width }));
    sheet.mergeCells(1, 1, 1, spec.columns.length);
    const title = sheet.getCell(1, 1);
    title.value = spec.title;
    title.font = { bold: true, size: 14 };
    const header = sheet.addRow(Object.fromEntries(spec.columns.map(({ key, header: text }) => [key, text])));
    header.font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
