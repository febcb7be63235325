package io.brainstem.train.bptt;

/**
 * One epoch's figures, given to a trainer's progress callback.
 *
 * @param epoch the epoch, from 0
 * @param loss the mean training loss over its batches
 * @param accuracy the training accuracy on its batches as they were trained
 * @param seconds its wall-clock time
 */
public record Epoch(int epoch, double loss, double accuracy, double seconds) {}
