package dev.segmentlab.core.data;

/** The fields of one record as byte ranges: what CSV and XLSX rows both offer to the row builders. */
interface Fields {
  int fieldCount();
  byte[] buf(int i);
  int start(int i);
  int end(int i);
}
