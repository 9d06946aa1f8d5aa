package dev.segmentlab;
public final class Main { public static void main(String[] a) {} }
