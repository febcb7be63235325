/**
 * Data for gradient training: {@link io.brainstem.train.data.Batch} (B trials × T steps × N inputs,
 * shape errors naming the dimension), {@link io.brainstem.train.data.Dataset} (in memory, loaded
 * from or streamed from NPY files by {@link io.brainstem.train.data.NpyDataset}),
 * {@link io.brainstem.train.data.Minibatch} (seeded shuffling per epoch),
 * {@link io.brainstem.train.data.Split} (stratified train/test) and the random-manifold spike-timing
 * data sets of Zenke &amp; Vogels (2021): {@link io.brainstem.train.data.Randman},
 * {@link io.brainstem.train.data.RandmanData}. For sequence readouts (ridge):
 * {@link io.brainstem.train.data.SequenceBatch} (inputs and targets of B trials) and
 * {@link io.brainstem.train.data.SequenceFiles} (streamed from NPY files).
 */
package io.brainstem.train.data;
